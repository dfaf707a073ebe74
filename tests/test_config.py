"""The settings table: one declaration read by the CLI, the app and the README; every setting and command documented."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from factcheck.cli import build_parser
from factcheck.config import SETTINGS, setting, setting_value, settings_table
from factcheck.embed import HashEmbedder, make_embedder
from factcheck.errors import InputError
from factcheck.workbench import Settings
from tests.helpers import PROJECT_ROOT

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def leaf_parsers(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    """(command words, parser) of every command that runs something: `extract`, `index add`, ..."""
    commands = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not commands:
        yield path, parser
        return
    for name, sub in commands[0].choices.items():
        yield from leaf_parsers(sub, (*path, name))


def options_of(parser: argparse.ArgumentParser) -> dict[str, argparse.Action]:
    return {option: action for action in parser._actions for option in action.option_strings}


def test_the_readme_shows_the_settings_table_as_declared():
    assert settings_table() in README, "paste factcheck.config.settings_table() into README.md's Settings section"


@pytest.mark.parametrize("item", SETTINGS, ids=lambda item: item.name)
def test_every_setting_is_an_option_whose_help_names_its_variable(item):
    parser = build_parser()
    parsers = [parser] + [leaf for _, leaf in leaf_parsers(parser)]
    found = [options_of(p)[item.option] for p in parsers if item.option in options_of(p)]
    assert found, f"no command takes {item.option}"
    for action in found:
        assert f"${item.variable}" in action.help and item.help in action.help


@pytest.mark.parametrize("path", [" ".join(path) for path, _ in leaf_parsers(build_parser())])
def test_every_command_is_documented_in_the_readme(path):
    assert f"factcheck [--index-dir DIR] {path}" in README or f"`{path} " in README, path


def test_settings_come_from_the_environment_else_their_defaults():
    assert setting_value("index_dir", {}) == "indexes"
    assert setting_value("index_dir", {"FACTCHECK_INDEX_DIR": "/data/idx"}) == "/data/idx"
    assert setting_value("model", {}) is None
    with pytest.raises(ValueError, match="no setting named"):
        setting("nope")


def test_the_app_and_the_cli_read_the_same_values(monkeypatch, tmp_path):
    environ = {"FACTCHECK_INDEX_DIR": str(tmp_path / "idx"), "FACTCHECK_EMBEDDER": "hash"}
    for variable, value in environ.items():
        monkeypatch.setenv(variable, value)
    app = Settings.from_environment()
    cli = build_parser().parse_args(["export"])
    assert app.index_dir == Path(cli.index_dir) == tmp_path / "idx"
    assert app.reviews_path == tmp_path / "idx" / "reviews.sqlite3" and cli.reviews is None
    assert app.embedder == cli.embedder == "hash"
    monkeypatch.setenv("FACTCHECK_REVIEWS", str(tmp_path / "elsewhere.sqlite3"))
    assert Settings.from_environment().reviews_path == tmp_path / "elsewhere.sqlite3"
    assert build_parser().parse_args(["export"]).reviews == str(tmp_path / "elsewhere.sqlite3")


def test_an_unknown_embedder_is_an_input_error():
    assert isinstance(make_embedder("hash"), HashEmbedder)
    with pytest.raises(InputError, match="Unknown embedder 'bert'"):
        make_embedder("bert")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("on", True),
        (" YES ", True),
        ("1", True),
        ("off", False),
        ("", False),
        (None, False),
        ("No", False),
        ("/models/m.json", None),
    ],
)
def test_a_model_setting_is_on_off_or_a_path(value, expected):
    from factcheck.config import switch

    assert switch(value) is expected
