"""The deployment example starts: the Procfile and the systemd unit run gunicorn with the
project's gunicorn.conf.py and scn_portal.wsgi, and that file holds production settings
(not gunicorn's defaults) that the environment can override."""

import http.client
import os
import runpy
import shlex
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from gunicorn.config import Config

BASE_DIR = Path(__file__).resolve().parents[2]
CONFIG = BASE_DIR / "gunicorn.conf.py"
OVERRIDES = (
    "WEB_CONCURRENCY",
    "GUNICORN_THREADS",
    "GUNICORN_WORKER_CONNECTIONS",
    "PORT",
    "GUNICORN_CMD_ARGS",
)


def load_config(monkeypatch, **env):
    """gunicorn.conf.py read the way gunicorn reads it, each value through its validator."""
    for name in OVERRIDES:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    names = {k: v for k, v in runpy.run_path(str(CONFIG)).items() if not k.startswith("_")}
    names.pop("os")
    config = Config()
    for name, value in names.items():
        config.set(name, value)
    return names, config


def command_of(line):
    """The gunicorn command of a Procfile or unit line: (its options, the application)."""
    argv = shlex.split(line)
    assert Path(argv[0]).name == "gunicorn", line
    return argv[1:-1], argv[-1]


def test_every_name_in_the_config_file_is_a_gunicorn_setting(monkeypatch):
    # gunicorn silently ignores a name it does not know, so a misspelling would not show.
    names, config = load_config(monkeypatch)
    assert sorted(set(names) - set(config.settings)) == []


def test_the_settings_are_for_production_not_the_defaults(monkeypatch):
    _, config = load_config(monkeypatch)
    assert config.workers >= 2
    assert config.threads >= 2
    assert config.worker_class_str == "gthread"
    assert config.preload_app  # scn_portal/wsgi.py gc.freeze()s before the workers fork
    assert 10 <= config.timeout <= 60
    assert 0 < config.graceful_timeout <= config.timeout
    assert config.max_requests >= 500
    assert 0 < config.max_requests_jitter < config.max_requests
    if sys.platform == "linux":
        assert config.worker_tmp_dir == "/dev/shm"  # noqa: S108 (memory, not a disk)
    assert "*" not in config.forwarded_allow_ips
    assert config.accesslog == "-"
    assert "%(D)s" in config.access_log_format  # how long each request took
    assert config.control_socket_disable
    assert config.bind == ["0.0.0.0:8000"]


def test_workers_threads_and_port_come_from_the_environment(monkeypatch):
    _, config = load_config(monkeypatch, WEB_CONCURRENCY="7", GUNICORN_THREADS="3", PORT="9123")
    assert (config.workers, config.threads) == (7, 3)
    assert config.worker_connections == 6  # two connections per thread
    assert config.bind == ["0.0.0.0:9123"]
    _, config = load_config(monkeypatch, GUNICORN_WORKER_CONNECTIONS="50")
    assert config.worker_connections == 50


def test_the_procfile_runs_gunicorn_with_this_config_and_the_projects_wsgi():
    processes = dict(
        line.split(":", 1) for line in (BASE_DIR / "Procfile").read_text().splitlines() if line
    )
    options, app = command_of(processes["web"])
    assert options[options.index("--config") + 1] == "gunicorn.conf.py"
    assert app == "scn_portal.wsgi"
    assert "application = get_wsgi_application()" in (BASE_DIR / "scn_portal/wsgi.py").read_text()
    assert "manage.py migrate" in processes["release"]  # which also makes the cache table


def test_the_systemd_unit_runs_the_same_command():
    unit = (BASE_DIR / "docs/deploy/scn-portal.service").read_text()
    exec_start = next(line for line in unit.splitlines() if line.startswith("ExecStart="))
    options, app = command_of(exec_start.removeprefix("ExecStart="))
    assert options[options.index("--config") + 1] == "gunicorn.conf.py"
    assert app == "scn_portal.wsgi"
    assert "127.0.0.1:" in options[options.index("--bind") + 1]  # behind the proxy


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def first_answer(server, url, seconds=60):
    """(status, body) of the first answer of `server` (a gunicorn being started) at `url`."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
                return response.status, response.read()
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"gunicorn did not answer: {server.communicate()[1][-2000:]}")
            time.sleep(0.2)


def test_gunicorn_starts_with_the_config_under_production_settings(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", *OVERRIDES}}
    env.update(
        DEBUG="0",
        SCN_TESTING="0",
        SECRET_KEY="a-production-secret-key-that-is-long-and-random-0123456789-abcdefghij",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SCN_VAR_DIR=str(tmp_path),
        WEB_CONCURRENCY="1",
        GUNICORN_THREADS="2",
        GUNICORN_CMD_ARGS=f"--bind 127.0.0.1:{port}",
    )
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [gunicorn, "--config", "gunicorn.conf.py", "scn_portal.wsgi"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert first_answer(server, f"http://127.0.0.1:{port}/healthz/") == (200, b"ok")
    finally:
        server.terminate()
        out, err = server.communicate(timeout=60)
    assert '"GET /healthz/ HTTP/1.1" 200' in out  # the access log, on standard output
    assert "Using worker: gthread" in err


def test_the_master_loads_the_templates_and_translations_before_freezing_them(tmp_path):
    """What a worker would load on its first requests is loaded once in gunicorn's master
    and hidden from the garbage collector (scn_portal/wsgi.py), so that no full collection
    in a worker walks it during a request."""
    script = (
        "import gc, scn_portal.wsgi\n"
        "from django.template import engines\n"
        "from django.utils import translation\n"
        "cached = engines['django'].engine.template_loaders[0].get_template_cache\n"
        "print(gc.get_freeze_count(), 'practices/includes/card.html' in cached,"
        " 'scn_portal/home.html' in cached, sorted(translation.trans_real._translations))\n"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "scn_portal.settings",
        "SECRET_KEY": "test-only-secret-key-for-the-deploy-check-0123456789abcdef",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'none.sqlite3'}",
        "ALLOWED_HOSTS": "localhost",
        "SCN_VAR_DIR": str(tmp_path),
        "SCN_TESTING": "0",
    }
    env.pop("DEBUG", None)
    out = subprocess.run(
        [sys.executable, "-c", script],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split(maxsplit=3)
    assert int(out[0]) > 100_000
    assert out[1:3] == ["True", "True"]
    for code in ("en", "fr", "ar", "es"):
        assert f"'{code}'" in out[3]


def test_kept_alive_connections_are_spread_over_the_workers(tmp_path):
    """Eight connections opened at once, each kept alive for two requests of 0.3 s, to two
    workers of two threads: no worker takes more than two connections per thread, so each
    serves four. With gunicorn's default, the first worker to wake accepted five, six or all
    eight, and served them two at a time while the other had little or nothing to do."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in OVERRIDES}
    env.update(WEB_CONCURRENCY="2", GUNICORN_THREADS="2")
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [gunicorn, "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]
        + ["--access-logfile", "/dev/null", "tests.scn_portal.pid_app:app"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        first_answer(server, f"http://127.0.0.1:{port}/")
        time.sleep(0.5)  # both workers up and waiting
        connections = [http.client.HTTPConnection("127.0.0.1", port, timeout=20) for _ in range(8)]
        for connection in connections:
            connection.connect()

        def two_requests(connection):
            served_by = set()
            for _ in range(2):
                connection.request("GET", "/?0.3")
                response = connection.getresponse()
                assert response.status == 200
                served_by.add(response.read().decode())
            return served_by

        with ThreadPoolExecutor(len(connections)) as pool:
            served = list(pool.map(two_requests, connections))
        for connection in connections:
            connection.close()
    finally:
        server.terminate()
        server.communicate(timeout=60)
    assert all(len(workers) == 1 for workers in served)  # kept alive: one worker each
    per_worker = Counter(workers.pop() for workers in served)
    assert sorted(per_worker.values()) == [4, 4], per_worker
