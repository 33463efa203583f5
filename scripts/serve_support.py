"""Shared by scripts/e2e-browser and scripts/bench-serve: run `sbcms serve` and read its
Server-Sent Events, with the Python standard library only."""
import json
import os
import signal
import socket
import subprocess
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def copy_demo(destination, site="field-notes"):
    """A throwaway repository with the demo site, the themes, templates/ and sbcms.yaml."""
    import shutil
    os.makedirs(destination + "/sites", exist_ok=True)
    shutil.copytree(f"{REPO}/sites/{site}", f"{destination}/sites/{site}")
    for folder in ("themes", "templates"):
        shutil.copytree(f"{REPO}/{folder}", f"{destination}/{folder}")
    if os.path.exists(f"{REPO}/sbcms.yaml"):
        shutil.copy(f"{REPO}/sbcms.yaml", f"{destination}/sbcms.yaml")


class Serve:
    """`sbcms serve --port 0` on `root`; `url` is the address it printed."""

    def __init__(self, binary, root, site, log_path, timeout=600):
        self.log = open(log_path, "w")
        self.process = subprocess.Popen([binary, "serve", "--root", root, "--site", site, "--port", "0"],
                                        stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.process.stdout.readline()  # printed once the first build is done and the port listens
        if not line.startswith("Serving "):
            self.stop()
            raise RuntimeError(f"sbcms serve did not start (see {log_path}): {line!r}")
        self.url = line.split(" at ", 1)[1].split(" ", 1)[0]
        self.port = int(self.url.rsplit(":", 1)[1].strip("/"))

    def stop(self):
        """Ctrl-C, as a user would; returns the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        return self.process.returncode


class EventStream:
    """The preview's `/__sbcms/events` stream over a raw socket (chunked transfer decoded)."""

    def __init__(self, port, timeout=20):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=timeout)
        self.sock.sendall(f"GET /__sbcms/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                          "Accept: text/event-stream\r\n\r\n".encode())
        self.raw = b""
        self.text = ""
        while b"\r\n\r\n" not in self.raw:
            self._receive()
        head, self.raw = self.raw.split(b"\r\n\r\n", 1)
        if b" 200 " not in head.split(b"\r\n", 1)[0]:
            raise RuntimeError(f"event stream refused: {head!r}")
        self._dechunk()

    def _receive(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise RuntimeError("event stream closed")
        self.raw += chunk

    def _dechunk(self):
        while b"\r\n" in self.raw:
            size_line, rest = self.raw.split(b"\r\n", 1)
            size = int(size_line, 16)
            if len(rest) < size + 2:
                return
            self.text += rest[:size].decode()
            self.raw = rest[size + 2:]

    def next(self):
        """(name, data) of the next event; blocks up to the socket timeout."""
        while True:
            if "\n\n" in self.text:
                block, self.text = self.text.split("\n\n", 1)
                name, data = "message", []
                for line in block.split("\n"):
                    if line.startswith("event: "):
                        name = line[7:]
                    elif line.startswith("data: "):
                        data.append(line[6:])
                if data:
                    return name, json.loads("\n".join(data))
                continue
            self._receive()
            self._dechunk()

    def next_named(self, wanted, limit=50):
        for _ in range(limit):
            name, data = self.next()
            if name == wanted:
                return data
        raise RuntimeError(f"no {wanted} event among {limit}")

    def close(self):
        self.sock.close()


def sbcms_binary(configuration="debug"):
    """SBCMS_BIN, or the package's own build of that configuration."""
    binary = os.environ.get("SBCMS_BIN") or f"{REPO}/.build/{configuration}/sbcms"
    if not os.path.exists(binary):
        raise RuntimeError(f"{binary} does not exist: run {'scripts/build-release' if configuration == 'release' else 'swift build'}")
    return binary


def wait_until(predicate, timeout=20, interval=0.05):
    """Polls `predicate` until it is true (returns True) or `timeout` seconds pass (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False
