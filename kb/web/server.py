"""`kb serve`: the web page on a local address, with Werkzeug's threaded server, until Ctrl-C."""
import ipaddress
import signal
import socket
import threading
import webbrowser
from typing import Callable

from .. import app
from ..errors import KBError
from .factory import LOOPBACK_NAMES, create_app


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def address(host: str, port: int) -> str:
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def serve(settings: app.Settings, host: str, port: int, open_browser: bool, echo: Callable[[str], None],
          say: Callable[[str], None]) -> None:
    """Serve until Ctrl-C; echo gets the address, say the warnings and the building of a missing index."""
    from werkzeug.serving import make_server

    loopback = is_loopback(host)
    if not loopback:
        say(f"Warning: serving on {host}, not on this machine alone: anyone who can reach it on the network "
            f"can read the corpus and the index at {settings.index}.")
    app.open_or_build(settings, notify=say).close()  # a missing index is built now, not by the first request
    bare = host.strip("[]")
    named = f"[{bare}]" if ":" in bare else bare.lower()
    web = create_app(settings, trusted_hosts=list(dict.fromkeys(LOOPBACK_NAMES + [named])) if loopback else None)
    listening = listen(bare, port)
    server = make_server(bare, port, web, threaded=True, fd=listening.fileno())
    url = address(bare, server.port)
    echo(f"kb serve: {url} (Ctrl-C stops it)")
    if open_browser:
        threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
    signal.signal(signal.SIGTERM, stop_now)  # `kill` stops it as cleanly as Ctrl-C
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        listening.close()
    say("Stopped.")


def listen(host: str, port: int) -> socket.socket:
    """A socket listening on host:port, or KBError in one line (Werkzeug would print lines of its own and exit)."""
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        raise KBError(f"cannot serve on {host}:{port}: {exc.strerror or exc}; choose another --port or --host") from None
    return sock


def stop_now(signum, frame):
    raise KeyboardInterrupt
