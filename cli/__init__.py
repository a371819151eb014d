"""The `jobmate` command: database admin, the O*NET knowledge base, resumes and accounts."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from agent.settings import Settings, SettingsError, load_settings
from cli import admin, chat, gap, knowledge, resume
from onet.catalog import KnowledgeBaseMissing
from onet.download import DownloadError
from onet.release import ReleaseError
from persistence.errors import PersistenceError
from tools.gap.service import GapError
from tools.resume.reading import ResumeFileError


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `jobmate` with all its sub-commands."""
    parser = argparse.ArgumentParser(prog="jobmate", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    admin.register(commands)
    knowledge.register(commands)
    resume.register(commands)
    gap.register(commands)
    chat.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one `jobmate` command; problems a person can fix print one line and exit non-zero."""
    args = build_parser().parse_args(argv)
    run: Callable[[Settings, argparse.Namespace], int] = args.run
    try:
        return run(load_settings(), args)
    except (
        SettingsError,
        PersistenceError,
        ReleaseError,
        DownloadError,
        KnowledgeBaseMissing,
        ResumeFileError,
        GapError,
    ) as exc:
        print(f"jobmate: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
