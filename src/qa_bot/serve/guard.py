"""Guarding the web server: who reaches which route, how often, and how long a request may take.

:class:`Guard` is a pure ASGI middleware placed outside everything else (CORS included), so
every response — a CORS preflight, a 401, a 429 — carries the security headers. For each
HTTP request, in this order, it:

1. refuses what is not published: Gradio's API beyond what the chat's own front end calls
   (``/gradio_api/run/…``, ``call/…``, ``deep_link``, ``info`` …) is 404, uploads are 403;
   a ``deep_link`` query parameter is dropped (deep links are off);
2. applies the access rule (README "Toegang"): when a login or an API token is configured,
   every route that answers a question or shows a document or its metadata needs a
   credential. A token opens the JSON API (``/api/…``, ``/docs``, ``/openapi.json``); the
   login opens everything. Public stay: the login page, static assets, the minimal health;
3. limits questions per client (``POST /api/ask`` and the chat's ``queue/join``): 429 with
   Retry-After;
4. reads the body within ``body_timeout_s`` (408) and up to :data:`MAX_BODY_BYTES` (413),
   whatever the Content-Length said;
5. throttles failed logins (and wrong API tokens) per client and per user name: after
   ``login_slow_after`` failures each try waits longer, and ``login_max_failures`` within
   ``login_lockout_s`` lock out with 429 and Retry-After.

Counters live in memory (the ``limits`` package, moving windows): one process, reset at a
restart. Clients are told apart by the address uvicorn reports; behind a reverse proxy,
start uvicorn with ``--forwarded-allow-ips`` for the proxy so that is the real client.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import math
import re
import secrets
import time
from collections.abc import Callable, Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl, urlencode

from limits import RateLimitItem, RateLimitItemPerMinute, RateLimitItemPerSecond
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from qa_bot.config import Settings
from qa_bot.errors import ConfigError
from qa_bot.lang import nl

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024  # a question is at most a few thousand characters
LOGIN_DELAY_STEP_S = 0.5  # the wait grows by this for each failure past login_slow_after …
LOGIN_DELAY_MAX_S = 4.0  # … up to this
LOGIN_PATHS = frozenset({"/login", "/login/"})
ASK, CHAT_QUEUE = "/api/ask", "/gradio_api/queue/join"
# What the chat's own front end calls under /gradio_api/ (the constants of Gradio 6's client).
GRADIO_API_OPEN = ("queue/join", "queue/data", "heartbeat/", "startup-events", "cancel", "reset", "app_id",
                   "theme.css")  # fmt: skip
# Reachable without a credential: these answer nothing and show no document.
PUBLIC = frozenset({ASK, "/api/health", "/gradio.js", "/favicon.ico", "/theme.css", "/gradio_api/theme.css",
                    "/robots.txt", "/manifest.json"})  # fmt: skip
PUBLIC_PREFIXES = ("/assets/", "/static/", "/svelte/", "/pwa_icon")
LOGIN_PAGES = frozenset({"/", "/login", "/login/", "/logout"})  # public only where a login exists


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_exposure(settings: Settings) -> str | None:
    """Refuse to serve a non-loopback address without any credential, unless opened on purpose.

    Returns the warning to print at start-up when the server is open on the network.
    """
    if settings.ui_user or settings.api_token or is_loopback(settings.host):
        return None
    if not settings.open_access:
        raise ConfigError(nl.SERVER["exposed"].format(host=settings.host))
    return nl.SERVER["open_warning"].format(host=settings.host)


def bearer_token(authorization: str) -> str:
    """The token of ``Authorization: Bearer <token>``; "" for any other scheme or shape."""
    scheme, _, token = authorization.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or " " in token:
        return ""
    return token


def login_delay(failures: int, slow_after: int) -> float:
    """Seconds to wait before a login try: 0 below ``slow_after`` failures (0 = never), then
    ``LOGIN_DELAY_STEP_S × (failures − slow_after + 1)``, at most ``LOGIN_DELAY_MAX_S``."""
    if not slow_after or failures < slow_after:
        return 0.0
    return min(LOGIN_DELAY_STEP_S * (failures - slow_after + 1), LOGIN_DELAY_MAX_S)


def token_matches(authorization: str, expected: str) -> bool:
    given = bearer_token(authorization)
    return bool(expected and given) and secrets.compare_digest(given.encode(), expected.encode())


# pydantic error type → a key of PROBLEMS in lang/nl.py
_PROBLEM_OF = {
    "missing": "missing", "string_type": "string", "string_unicode": "string", "int_type": "int",
    "int_parsing": "int", "int_from_float": "int", "float_type": "float", "float_parsing": "float",
    "bool_type": "bool", "bool_parsing": "bool", "list_type": "list", "tuple_type": "list", "set_type": "list",
    "dict_type": "object", "model_type": "object", "model_attributes_type": "object",
    "greater_than": "too_small", "greater_than_equal": "too_small", "less_than": "too_large",
    "less_than_equal": "too_large", "string_too_long": "too_long", "too_long": "too_long",
    "json_invalid": "json", "json_type": "json", "extra_forbidden": "extra", "literal_error": "choice",
    "enum": "choice",
}  # fmt: skip
_FIELD = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,40}")
_LOCATIONS = frozenset({"body", "query", "path", "header", "cookie"})


def validation_message(errors: Iterable[Mapping[str, Any]]) -> str:
    """A Dutch 422 message naming each wrong field and what it must be — never the value sent.

    Union members ("list[str]") and keys that are not plain names are left out of the path.
    """
    problems: dict[str, str] = {}
    for error in errors:
        loc = [p for p in error.get("loc", ()) if p not in _LOCATIONS]
        names = [str(p) for p in loc if isinstance(p, int) or (isinstance(p, str) and _FIELD.fullmatch(p))]
        field = ".".join(names) or nl.PROBLEMS["request"]
        problems.setdefault(field, nl.PROBLEMS[_PROBLEM_OF.get(str(error.get("type", "")), "other")])
        if len(problems) == 3:
            break
    text = "; ".join(f"{field} {problem}" for field, problem in problems.items()) or nl.PROBLEMS["other"]
    return nl.SERVER["invalid"].format(problems=text)


async def invalid_request(_: Request, exc: Exception) -> Response:
    """Exception handler for FastAPI's ``RequestValidationError`` (the API's and Gradio's)."""
    errors = exc.errors() if hasattr(exc, "errors") else []
    return JSONResponse({"detail": validation_message(errors)}, status_code=422)


def limits_report(settings: Settings) -> dict[str, Any]:
    """The limits in force, for ``/api/health``."""
    return {
        "login": {"slow_after_failures": settings.login_slow_after, "max_failures": settings.login_max_failures,
                  "lockout_s": settings.login_lockout_s},
        "ask_per_minute": settings.ask_per_minute or None, "chat_per_minute": settings.chat_per_minute or None,
        "queue_max": settings.queue_max, "body_timeout_s": settings.body_timeout_s,
        "keep_alive_s": settings.keep_alive_s, "max_body_bytes": MAX_BODY_BYTES,
    }  # fmt: skip


def server_options(settings: Settings) -> dict[str, Any]:
    """uvicorn's own time-outs (the body time-out is the Guard's)."""
    return {"timeout_keep_alive": settings.keep_alive_s}


def refusal_status(path: str) -> int | None:
    """403 for uploads and files, 404 for what is not published, None for the rest."""
    path = path.rstrip("/") or "/"
    if path.endswith(("/upload", "/upload_progress")) or "/file=" in path or "/mcp" in path:
        return 403
    if path.startswith("/gradio_api/"):
        rest = path.removeprefix("/gradio_api/")
        if not any(rest == name or (name.endswith("/") and rest.startswith(name)) for name in GRADIO_API_OPEN):
            return 404
    return None


Check = Callable[[Request], bool]


class Guard:
    """The ASGI middleware described in the module docstring."""

    def __init__(self, app: ASGIApp, settings: Settings, has_session: Check, has_token: Check,
                 headers: Mapping[str, str]) -> None:  # fmt: skip
        self.app = app
        self.settings = settings
        self.has_session = has_session
        self.has_token = has_token
        self.headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items() if v]
        self.closed = bool(settings.ui_user or settings.api_token)
        self.limiter = MovingWindowRateLimiter(MemoryStorage())
        self.failures = RateLimitItemPerSecond(settings.login_max_failures, settings.login_lockout_s)
        self.rates: dict[str, RateLimitItem] = {}
        if settings.ask_per_minute:
            self.rates[ASK] = RateLimitItemPerMinute(settings.ask_per_minute)
        if settings.chat_per_minute:
            self.rates[CHAT_QUEUE] = RateLimitItemPerMinute(settings.chat_per_minute)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":  # nothing here speaks websocket: none may slip past the rule
            await send({"type": "websocket.close", "code": 1008})
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        send = self._with_headers(send)
        if b"deep_link" in scope.get("query_string", b""):
            pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            scope = {**scope, "query_string": urlencode([(k, v) for k, v in pairs if k != "deep_link"]).encode()}
        request = Request(scope)
        path, method = scope["path"], scope["method"]
        client = request.client.host if request.client else "?"

        refused = refusal_status(path)
        if refused is not None:
            message = nl.SERVER["no_upload" if refused == 403 else "not_published"]
            await JSONResponse({"detail": message}, status_code=refused)(scope, receive, send)
            return
        if not self._allowed(request, path):
            await self._unauthorised(path)(scope, receive, send)
            return
        rate = self.rates.get(path) if method == "POST" else None
        if rate is not None and not self.limiter.hit(rate, path, client):
            await self._too_many("rate_limited", self._wait(rate, path, client))(scope, receive, send)
            return
        if _has_body(request):
            body, status = await _read_body(receive, self.settings.body_timeout_s)
            if body is None:
                if status:  # else the client went away: nothing to answer
                    message = nl.SERVER["too_large" if status == 413 else "too_slow"]
                    await JSONResponse({"detail": message}, status_code=status, headers={"Connection": "close"})(
                        scope, receive, send)  # fmt: skip
                return
            receive = _replay(body, receive)
        else:
            body = b""
        if method == "POST" and (path in LOGIN_PATHS or (path == ASK and "authorization" in request.headers)):
            await self._login_attempt(scope, receive, send, [("client", client), *(await _user_key(scope, body))])
            return
        await self.app(scope, receive, send)

    def _allowed(self, request: Request, path: str) -> bool:
        if not self.closed or path in PUBLIC or path.startswith(PUBLIC_PREFIXES):
            return True
        if self.settings.ui_user and path in LOGIN_PAGES:
            return True
        if self.has_session(request):
            return True
        return (path.startswith("/api/") or path in ("/docs", "/openapi.json")) and self.has_token(request)

    def _unauthorised(self, path: str) -> Response:
        if path.startswith("/api/") or path in ("/docs", "/openapi.json"):
            message = nl.SERVER["token_required" if self.settings.api_token else "login_required"]
        else:
            message = nl.SERVER["login_required" if self.settings.ui_user else "login_missing"]
        return JSONResponse({"detail": message}, status_code=401)

    def _wait(self, item: RateLimitItem, *key: str) -> int:
        return max(1, math.ceil(self.limiter.get_window_stats(item, *key).reset_time - time.time()))

    def _too_many(self, message: str, seconds: int) -> Response:
        return JSONResponse({"detail": nl.SERVER[message].format(seconds=seconds)}, status_code=429,
                            headers={"Retry-After": str(seconds)})  # fmt: skip

    async def _login_attempt(self, scope: Scope, receive: Receive, send: Send, keys: list[tuple[str, str]]) -> None:
        """Lock out after too many failures, slow down before that, count the outcome."""
        locked = [key for key in keys if not self.limiter.test(self.failures, *key)]
        if locked:
            seconds = max(self._wait(self.failures, *key) for key in locked)
            await self._too_many("login_locked", seconds)(scope, receive, send)
            return
        failed = max(self.failures.amount - self.limiter.get_window_stats(self.failures, *key).remaining
                     for key in keys)  # fmt: skip
        delay = login_delay(failed, self.settings.login_slow_after)
        if delay:
            await asyncio.sleep(delay)
        status = 0

        async def watch(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        await self.app(scope, receive, watch)
        if status in (400, 401, 403):
            for key in keys:
                if not self.limiter.hit(self.failures, *key) or not self.limiter.test(self.failures, *key):
                    log.warning("Aanmelden geblokkeerd voor %s %r (%d mislukte pogingen)", *key,
                                self.failures.amount)  # fmt: skip
        elif 200 <= status < 300 and scope["path"] in LOGIN_PATHS:
            for key in keys:
                self.limiter.clear(self.failures, *key)

    def _with_headers(self, send: Send) -> Send:
        names = {name for name, _ in self.headers}

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": kept + self.headers}
            await send(message)

        return wrapped


def _has_body(request: Request) -> bool:
    length = request.headers.get("content-length", "")
    return (length not in ("", "0")) or "transfer-encoding" in request.headers


async def _read_body(receive: Receive, timeout: float) -> tuple[bytes | None, int]:
    """The whole body, or (None, 408 | 413 | 0 when the client went away)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    chunks: list[bytes] = []
    size = 0
    while True:
        try:
            message = await asyncio.wait_for(receive(), max(deadline - loop.time(), 0.001))
        except TimeoutError:
            return None, 408
        if message["type"] == "http.disconnect":
            return None, 0
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return None, 413
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks), 0


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _user_key(scope: Scope, body: bytes) -> list[tuple[str, str]]:
    """The user name of a login form (urlencoded or multipart), stripped as Gradio compares it."""
    if scope["path"] not in LOGIN_PATHS:
        return []

    async def gone() -> Message:
        return {"type": "http.disconnect"}

    try:
        form = await Request(scope, _replay(body, gone)).form(max_files=0)
    except (HTTPException, ValueError, KeyError):
        return []
    name = form.get("username")
    return [("user", name.strip()[:200])] if isinstance(name, str) and name.strip() else []
