"""A private Varnish on a loopback port, in front of a server on this machine: for the tests,
``make serve`` and the benchmark. Runs Debian's ``varnishd`` (packages varnish and
varnish-modules) with the project's VCL, its backend pointed at ``backend_port``.

    python -m bench.varnish BACKEND_PORT [--port PORT]   # in the foreground, until Ctrl+C
"""

import argparse
import json
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from bench.common import free_port

VCL = Path(__file__).resolve().parent.parent / "varnish" / "dossier.vcl"
VARNISHD = "/usr/sbin/varnishd"
VARNISHSTAT = "/usr/bin/varnishstat"


def available() -> bool:
    return Path(VARNISHD).exists()


def vcl_for(backend_host: str, backend_port: int) -> str:
    """The project's VCL with its backend at ``backend_host:backend_port``."""
    text = VCL.read_text()
    text = re.sub(r'(\.host = )"[^"]*"', f'\\1"{backend_host}"', text, count=1)
    return re.sub(r'(\.port = )"[^"]*"', f'\\1"{backend_port}"', text, count=1)


@contextmanager
def varnish(backend_port, *, backend_host="127.0.0.1", port=None, storage="malloc,256m"):
    """Start varnishd, yield ``(base_url, workdir)`` (``varnishstat -n workdir`` reads its
    counters), stop it afterwards."""
    if not available():
        raise RuntimeError(f"{VARNISHD} is missing: apt-get install varnish varnish-modules")
    port = port or free_port()
    work = Path(tempfile.mkdtemp(prefix="dossier-varnish-"))
    # varnishd drops its privileges (to the varnish user) before it reads the VCL.
    work.chmod(0o755)
    vcl = work / "dossier.vcl"
    vcl.write_text(vcl_for(backend_host, backend_port))
    vcl.chmod(0o644)
    process = subprocess.Popen(
        [
            VARNISHD,
            "-F",
            "-n",
            str(work / "n"),
            "-a",
            f"127.0.0.1:{port}",
            "-T",
            "127.0.0.1:0",
            "-f",
            str(vcl),
            "-s",
            storage,
            # Threads enough for the benchmark's connections on a small machine.
            "-p",
            "thread_pool_min=50",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        "varnishd did not start: " + process.stderr.read().decode()[-2000:]
                    ) from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}", work / "n"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(work, ignore_errors=True)


def counters(workdir, *names) -> dict[str, int]:
    """Counters of the varnishd in ``workdir`` (all, or those named: ``MAIN.n_object``...)."""
    command = [VARNISHSTAT, "-n", str(workdir), "-1", "-j"]
    for name in names:
        command += ["-f", name]
    data = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    # varnishstat 7.x nests the counters under "counters"; 6.x put them at the top.
    found = data.get("counters", data)
    return {name: value["value"] for name, value in found.items() if isinstance(value, dict)}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("backend_port", type=int)
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    # A TERM (make serve stopping it, a service manager) stops it as Ctrl+C does.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    # Started next to its backend (make serve VARNISH=1): wait until it answers, or Varnish's
    # health probe would call it sick for the first seconds.
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", args.backend_port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    with varnish(args.backend_port, port=args.port) as (url, workdir):
        print(
            f"Varnish at {url}, in front of 127.0.0.1:{args.backend_port} (Ctrl+C stops);"
            f" counters: varnishstat -n {workdir}",
            flush=True,
        )
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            # Ctrl+C reaches the whole process group, and make serve then sends a TERM too:
            # neither may cut short the stopping of varnishd and the removal of its folder.
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_IGN)


if __name__ == "__main__":
    main()
