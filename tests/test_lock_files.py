"""The lock files agree with pyproject.toml: each declared dependency is pinned, at a version
its range allows, and every pin carries hashes (pip installs them with --require-hashes).
When this fails after a change of pyproject.toml, run `make lock`."""

import importlib.metadata
import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

PROJECT_DIR = Path(__file__).resolve().parent.parent
# Debian 12's Python, the oldest the project runs on (CI); `make lock` resolves on it.
OLDEST_PYTHON = "3.11.2"
PIN = re.compile(r"^([A-Za-z0-9._-]+)==(\S+)")


def pins(name: str) -> dict[str, str]:
    """``{package: version}`` of a lock file; fails on a pin without hashes."""
    text = (PROJECT_DIR / name).read_text()
    found = {}
    # One entry: "name==version \" followed by its "--hash=..." lines and "# via" comments.
    for entry in re.split(r"\n(?=\S)", text):
        match = PIN.match(entry)
        if match:
            assert "--hash=sha256:" in entry, f"{match[1]} in {name} has no hash"
            found[canonicalize_name(match[1])] = match[2]
    return found


def declared(*extras: str) -> list[Requirement]:
    project = tomllib.loads((PROJECT_DIR / "pyproject.toml").read_text())["project"]
    lines = [*project["dependencies"]]
    for extra in extras:
        lines += project["optional-dependencies"][extra]
    return [Requirement(line) for line in lines]


@pytest.mark.parametrize(
    ("lock", "extras"),
    [("requirements.lock", ("s3",)), ("requirements-dev.lock", ("s3", "dev"))],
)
def test_lock_file_pins_every_declared_dependency_within_its_range(lock, extras):
    locked = pins(lock)
    for requirement in declared(*extras):
        if requirement.marker and not requirement.marker.evaluate():
            continue
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{requirement.name} is missing from {lock}: run make lock"
        assert requirement.specifier.contains(locked[name], prereleases=True), (
            f"{lock} pins {requirement.name}=={locked[name]}, outside {requirement.specifier}:"
            " run make lock"
        )


def test_dev_lock_pins_the_runtime_packages_at_the_same_versions():
    runtime, dev = pins("requirements.lock"), pins("requirements-dev.lock")
    assert {name: dev.get(name) for name in runtime} == runtime


def test_every_locked_release_installs_on_the_oldest_python():
    """A lock made on a newer 3.11 may pin a release that Debian 12's Python refuses (soupsieve
    3 needs 3.11.5): read Requires-Python of each locked release installed here."""
    refused = []
    for name, version in pins("requirements-dev.lock").items():
        try:
            metadata = importlib.metadata.metadata(name)
        except importlib.metadata.PackageNotFoundError:
            continue
        if metadata["Version"] != version:
            continue  # this environment was not installed from the lock
        requires = metadata.get("Requires-Python")
        if requires and not SpecifierSet(requires).contains(OLDEST_PYTHON, prereleases=True):
            refused.append(f"{name}=={version} (Requires-Python {requires})")
    assert refused == [], "run make lock with Python " + OLDEST_PYTHON
