"""A real PostgreSQL 15 + PostGIS server on loopback for the tests (Debian packages).

``start_postgis_server()`` runs initdb as the ``postgres`` system user (root may not), starts
the server on 127.0.0.1 and a free port with a private socket directory, creates a login role
with a password, a database with PostGIS and one without, and ``stop()`` removes everything.
Password authentication (scram-sha-256) is enforced on TCP, so wrong credentials really fail.
"""
from __future__ import annotations

import contextlib
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import psycopg2

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _as_postgres(*args: str) -> subprocess.CompletedProcess:
    command = list(args)
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    return subprocess.run(command, capture_output=True, text=True, check=False, stdin=subprocess.DEVNULL)


@dataclass
class PostgisServer:
    base: Path
    port: int
    user: str
    password: str
    dbname: str = "tailings_national"
    plain_dbname: str = "no_postgis"
    host: str = "127.0.0.1"

    @property
    def data_dir(self) -> Path:
        return self.base / "data"

    @property
    def socket_dir(self) -> Path:
        return self.base / "sock"

    def admin(self, dbname: str | None = None):
        """Superuser connection over the private socket (trust)."""
        return psycopg2.connect(host=str(self.socket_dir), port=self.port, user="postgres",
                                dbname=dbname or self.dbname)

    def start(self) -> None:
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.socket_dir} -c fsync=off"
        start = _as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.data_dir), "-o", options,
                             "-l", str(self.base / "server.log"), "-w", "-t", "60", "start")
        if start.returncode != 0:
            log = (self.base / "server.log").read_text() if (self.base / "server.log").exists() else ""
            raise RuntimeError(f"pg_ctl start failed: {start.stdout}\n{start.stderr}\n{log}")

    def kill(self) -> None:
        """Stop at once, as a power cut would (no checkpoint: recovery runs at the next start)."""
        _as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.data_dir), "-m", "immediate", "-w", "stop")

    def stop(self) -> None:
        _as_postgres(str(PG_BIN / "pg_ctl"), "-D", str(self.data_dir), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.base, ignore_errors=True)


def start_postgis_server() -> PostgisServer:
    # Under /tmp directly: pytest's tmp dirs are private to root and postgres could not enter them.
    base = Path(tempfile.mkdtemp(prefix="tailings-pg-"))
    base.chmod(0o755)
    for sub in ("data", "sock"):
        (base / sub).mkdir()
    if os.geteuid() == 0:
        account = pwd.getpwnam("postgres")
        for path in (base, base / "data", base / "sock"):
            os.chown(path, account.pw_uid, account.pw_gid)
    server = PostgisServer(base, free_port(), "tailings_writer", "Pw-" + secrets.token_hex(12))
    init = _as_postgres(str(PG_BIN / "initdb"), "-D", str(server.data_dir), "-U", "postgres",
                        "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8")
    if init.returncode != 0:
        shutil.rmtree(base, ignore_errors=True)
        raise RuntimeError(f"initdb failed: {init.stdout}\n{init.stderr}")
    try:
        server.start()
    except RuntimeError:
        shutil.rmtree(base, ignore_errors=True)
        raise
    try:
        connection = server.admin("postgres")
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE ROLE {server.user} LOGIN PASSWORD %s", (server.password,))
            cursor.execute(f"CREATE DATABASE {server.dbname} OWNER {server.user}")
            cursor.execute(f"CREATE DATABASE {server.plain_dbname} OWNER {server.user}")
        connection.close()
        connection = server.admin(server.dbname)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION postgis")
        connection.close()
    except Exception:
        server.stop()
        raise
    return server


@contextlib.contextmanager
def running_postgis_server():
    server = start_postgis_server()
    try:
        yield server
    finally:
        server.stop()
