"""Contributions: the form at /bijdragen/, its abuse checks, attachments, mails and the
editors' side in the admin."""
