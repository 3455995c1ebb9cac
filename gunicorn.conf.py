"""gunicorn's settings for production: `gunicorn --config gunicorn.conf.py scn_portal.wsgi`
(the Procfile and docs/deploy/scn-portal.service run exactly that).

Workers and threads come from a measurement on 2 cores (docs/benchmarks.md, "gunicorn
workers and threads"); WEB_CONCURRENCY, GUNICORN_THREADS and GUNICORN_WORKER_CONNECTIONS
override them, PORT the port.
Any other setting can be given on the command line or in GUNICORN_CMD_ARGS, which win over
this file (e.g. `--bind unix:/run/scn-portal/gunicorn.sock`)."""

import os


def _env_int(name, default):
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


def _cores():
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may use (containers)
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# All interfaces, as a platform that sets PORT expects; behind a proxy on the same host,
# bind to 127.0.0.1 or a socket on the command line instead.
bind = [f"0.0.0.0:{_env_int('PORT', 8000)}"]  # noqa: S104

# One process per core (a page is mostly Python drawing HTML, which holds the GIL; at least
# two, so one busy or recycled worker never leaves none), two threads each to overlap the
# waits on PostgreSQL and Redis. On 2 cores, 2 x 2 served as many requests per second as
# any of 2, 3 or 5 workers with 1, 2 or 4 threads, with the lowest p99 and the least memory.
workers = _env_int("WEB_CONCURRENCY", max(2, _cores()))
threads = _env_int("GUNICORN_THREADS", 2)
worker_class = "gthread"
# How many connections a worker holds at once: two per thread. gunicorn's default (1,000)
# lets the first worker to wake accept every connection waiting, whether or not it has a
# thread free: the 8 kept-alive connections of a load test (or of a proxy that keeps its
# connections) landed on one worker in some runs, which served them one core's worth at a
# time while the other workers idled, at half the requests/s (docs/benchmarks.md,
# "Connections spread over the workers"). Connections beyond workers x this wait until a
# worker has a place: a load balancer that keeps more connections open than that to a busy
# server needs more (GUNICORN_WORKER_CONNECTIONS).
worker_connections = _env_int("GUNICORN_WORKER_CONNECTIONS", 2 * threads)

# The application is imported once, in the master, before the workers are forked:
# scn_portal/wsgi.py loads every view and gc.freeze()s what lives forever, so the forked
# workers share those pages of memory instead of each loading its own, a broken start-up
# (a missing SECRET_KEY) stops gunicorn at once rather than in a loop of dying workers, and
# a worker recycled by max_requests starts in milliseconds. New code therefore needs a
# restart of gunicorn (`systemctl restart`), not a HUP.
preload_app = True

# A request that takes longer than this is stuck: the worker is killed and replaced.
timeout = 30
# On a restart or shutdown, requests under way get this long to finish.
graceful_timeout = 30
# Seconds an idle keep-alive connection from the proxy or load balancer is kept.
keepalive = 5
# Each worker is replaced after about this many requests (jitter: not all at once), which
# bounds any slow growth of memory. Not much sooner: a new worker opens its connections,
# compiles its templates and loads the facet index again; at 1,000 a busy worker was
# replaced every few seconds, which cost a tenth of the throughput and put a p99 of 130 ms
# on pages answered in 4 (docs/benchmarks.md, "Worker recycling").
max_requests = 20000
max_requests_jitter = 2000

# The heartbeat file each worker touches: in memory, never on a disk that may stall.
_SHM = "/dev/shm"  # noqa: S108 (gunicorn makes its files there with mkstemp)
worker_tmp_dir = _SHM if os.path.isdir(_SHM) else None

# X-Forwarded-Proto (HTTPS) is believed only from these addresses: a proxy on this host by
# default; set FORWARDED_ALLOW_IPS to the load balancer's addresses. Client addresses for
# rate limits are Django's business (TRUSTED_PROXY_COUNT), not this setting's.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Access and error log to standard output and error (systemd's journal, the platform's log),
# with the time each request took in microseconds (%(D)s).
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s %(b)s "%(f)s" "%(a)s" %(D)s'

proc_name = "scn-portal"
# gunicorn's control socket (for `gunicornc`) is off: systemd or the platform manages the
# process, and its default path in $HOME would be shared by two instances of one user.
control_socket_disable = True
