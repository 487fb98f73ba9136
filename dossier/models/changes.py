"""Change notes: what editors say changed when they publish, and when a page last changed
in a way that readers should know."""


def last_updated_dates(page_ids):
    """{page id: date of the page's last important change} for the pages that have one."""
    return {}
