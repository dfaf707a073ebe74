"""The reviewer app as a local server: a free port, `streamlit run app.py`, waiting until it answers, and stopping
it; with the headless Chromium flags that the browser tests and the start-up benchmark drive it with."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]  # where `app.py` is
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def free_port() -> int:
    """A local TCP port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_app(port: int, env: Mapping[str, str]) -> subprocess.Popen:
    """`streamlit run app.py` on `port` (headless, no usage statistics) with the environment `env`; its output is
    discarded, so a long run never blocks on a full pipe."""
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
        "--server.headless", "true", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    return subprocess.Popen(
        command, cwd=PROJECT_ROOT, env=dict(env), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def wait_until_healthy(url: str, timeout_seconds: float) -> bool:
    """Whether the app at `url` answered its health check within `timeout_seconds`."""
    deadline = time.monotonic() + timeout_seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    return True
        except OSError:
            time.sleep(0.5)
    return False


def stop_app(server: subprocess.Popen, timeout_seconds: float = 20.0) -> None:
    """Ask the server to stop; kill it if it has not within `timeout_seconds`."""
    server.terminate()
    try:
        server.wait(timeout=timeout_seconds)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


@contextlib.contextmanager
def running_app(env: Mapping[str, str], startup_seconds: float = 120.0) -> Iterator[str]:
    """The app's address while it runs on a free port with `env`; it is stopped on leaving.

    Raises:
        TimeoutError: the app did not answer within `startup_seconds`.
    """
    port = free_port()
    server = start_app(port, env)
    url = f"http://127.0.0.1:{port}"
    try:
        if not wait_until_healthy(url, startup_seconds):
            raise TimeoutError(f"the app at {url} did not answer within {startup_seconds:.0f} s")
        yield url
    finally:
        stop_app(server)
