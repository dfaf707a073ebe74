"""The app binds to this computer only unless someone decides otherwise (issue 11, defect 5)."""

import re
import tomllib

from tests.helpers import PROJECT_ROOT


def test_the_streamlit_configuration_binds_to_localhost():
    config = tomllib.loads((PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"


def test_make_run_passes_a_localhost_address_by_default():
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^ADDRESS \?= 127\.0\.0\.1$", makefile, re.MULTILINE)
    run = re.search(r"^run:.*\n\t(.+)$", makefile, re.MULTILINE).group(1)
    assert "--server.address $(ADDRESS)" in run


def test_the_readme_says_how_to_expose_the_app_and_what_that_means():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert "ADDRESS=0.0.0.0" in readme and "no sign-in" in readme
