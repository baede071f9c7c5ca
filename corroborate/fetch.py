"""Fetching URLs safely: http(s) only, public addresses only, capped in size, time and redirects.

A news engine fed URLs from feeds and users is a classic server-side request
forgery target: a link to http://169.254.169.254/ or http://localhost:8080/admin
must not be fetched.  The address check happens inside the connection, on the
address actually connected to, so it covers every redirect hop and cannot be
dodged by a DNS answer that changes between a check and the connect.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from email.message import Message
from typing import Any
from urllib.parse import urljoin, urlsplit

from . import __version__
from .documents import IngestError, too_big

DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_REDIRECTS = 5
USER_AGENT = f"corroborate/{__version__} (news ingest)"
ALLOWED_SCHEMES = ("http", "https")
# Media types we can turn into documents; anything else (images, PDFs, video) is refused unread.
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml")
JSON_TYPES = ("application/json", "application/ld+json")
ACCEPTED_TYPES = HTML_TYPES + TEXT_TYPES + FEED_TYPES + JSON_TYPES


@dataclass
class FetchedPage:
    """A fetched response body with what is needed to decode and dispatch it."""

    url: str  # after redirects
    content_type: str  # media type only, lower case
    charset: str
    body: bytes


class BlockedAddress(OSError):
    """Raised inside a connection when the host resolves to a non-public address."""


def address_refusal(address: str) -> str:
    """Why an IP address may not be fetched from by default, or "" when it is a public address."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return f"{address} is not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for attribute, label in (("is_loopback", "loopback"), ("is_link_local", "link-local"),
                             ("is_unspecified", "unspecified"), ("is_multicast", "multicast"),
                             ("is_reserved", "reserved"), ("is_private", "private")):
        if getattr(ip, attribute):
            return f"{ip} is a {label} address"
    if not ip.is_global:
        return f"{ip} is not a public address"
    return ""


def resolve_checked(host: str, port: int, allow_private: bool) -> list[tuple[Any, ...]]:
    """getaddrinfo for host, raising BlockedAddress when any resolved address is not public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise OSError(f"cannot resolve host {host!r} ({exc.strerror})") from exc
    if not allow_private:
        for info in infos:
            reason = address_refusal(str(info[4][0]))
            if reason:
                raise BlockedAddress(f"refused: host {host!r} resolves to {reason} "
                                     "(pass allow_private=True to allow)")
    return infos


def _connect_checked(host: str, port: int, timeout: float | None, allow_private: bool) -> socket.socket:
    """A TCP connection to one of host's checked addresses (the ones that passed are the ones used)."""
    last_error: OSError | None = None
    for family, kind, proto, _, sockaddr in resolve_checked(host, port, allow_private):
        sock = socket.socket(family, kind, proto)
        try:
            if timeout is not None:
                sock.settimeout(timeout)
            sock.connect(sockaddr)
            return sock
        except OSError as exc:
            sock.close()
            last_error = exc
    raise last_error or OSError(f"cannot connect to {host}")


def _connection_classes(allow_private: bool) -> tuple[type, type]:
    """http.client connection classes whose connect() goes through the address check."""

    class CheckedHTTPConnection(http.client.HTTPConnection):
        def connect(self) -> None:
            self.sock = _connect_checked(self.host, self.port, self.timeout, allow_private)

    class CheckedHTTPSConnection(http.client.HTTPSConnection):
        def connect(self) -> None:
            sock = _connect_checked(self.host, self.port, self.timeout, allow_private)
            self.sock = self._context.wrap_socket(sock, server_hostname=self.host)

    return CheckedHTTPConnection, CheckedHTTPSConnection


def build_opener(allow_private: bool, max_redirects: int) -> urllib.request.OpenerDirector:
    """A urllib opener with only checked http/https handlers: no file:, ftp:, data: and no proxies."""
    http_class, https_class = _connection_classes(allow_private)

    class CheckedHTTPHandler(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(http_class, req)

    class CheckedHTTPSHandler(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(https_class, req, context=ssl.create_default_context())

    class LimitedRedirectHandler(urllib.request.HTTPRedirectHandler):
        max_redirections = max_redirects
        max_repeats = 2

        def http_error_302(self, req, fp, code, msg, headers):  # type: ignore[no-untyped-def]
            location = headers.get("location") or headers.get("uri") or ""
            scheme = urlsplit(urljoin(req.full_url, location)).scheme.lower()
            if scheme not in ALLOWED_SCHEMES:
                raise urllib.error.URLError(f"redirect to a {scheme}: URL refused ({location})")
            return super().http_error_302(req, fp, code, msg, headers)

        http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    opener = urllib.request.OpenerDirector()
    for handler in (CheckedHTTPHandler(), CheckedHTTPSHandler(), LimitedRedirectHandler(),
                    urllib.request.HTTPErrorProcessor(), urllib.request.HTTPDefaultErrorHandler()):
        opener.add_handler(handler)
    return opener


def url_refusal(url: str) -> str:
    """Why a URL is refused before any connection (scheme, missing host), or ""."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        return f"malformed URL ({exc})"
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        return f"only http and https URLs are fetched, not {parts.scheme or 'a relative'}: URL"
    if not parts.hostname:
        return "URL has no host"
    return ""


def fetch(url: str, *, max_bytes: int, timeout: float = DEFAULT_TIMEOUT, allow_private: bool = False,
          max_redirects: int = DEFAULT_MAX_REDIRECTS) -> FetchedPage | IngestError:
    """GET a URL under the safety rules; an IngestError (never an exception) when refused or failed."""
    refusal = url_refusal(url)
    if refusal:
        return IngestError(url, refusal)
    request = urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                  "application/xml;q=0.9,text/plain;q=0.8,application/json;q=0.8",
        "Accept-Encoding": "identity",
    })
    opener = build_opener(allow_private, max_redirects)
    deadline = time.monotonic() + timeout * 3  # per-operation timeout, plus a cap on the whole download
    try:
        with opener.open(request, timeout=timeout) as response:
            return _read_response(url, response, max_bytes, deadline)
    except urllib.error.HTTPError as exc:
        exc.close()
        if 300 <= exc.code < 400:
            return IngestError(url, f"too many redirects (limit {max_redirects})")
        return IngestError(url, f"HTTP {exc.code} {exc.reason}")
    except urllib.error.URLError as exc:
        return IngestError(url, _network_reason(exc.reason, timeout))
    except (OSError, http.client.HTTPException, ValueError) as exc:
        return IngestError(url, _network_reason(exc, timeout))


def _read_response(url: str, response: Any, max_bytes: int, deadline: float) -> FetchedPage | IngestError:
    headers: Message = response.headers
    media_type = headers.get_content_type().lower()
    if headers.get("Content-Type") is None:
        media_type = ""
    if media_type and media_type not in ACCEPTED_TYPES:
        return IngestError(url, f"unsupported content type {media_type}")
    declared = headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        return IngestError(url, too_big(int(declared), max_bytes, "response"))
    chunks: list[bytes] = []
    received = 0
    while chunk := response.read(min(1 << 16, max_bytes + 1 - received)):
        chunks.append(chunk)
        received += len(chunk)
        if received > max_bytes:
            return IngestError(url, f"response is over the {max_bytes / 1_000_000:g} MB limit "
                                    "(raise it with max_bytes)")
        if time.monotonic() > deadline:
            return IngestError(url, "download too slow: gave up")
    body = _decoded_body(url, b"".join(chunks), headers.get("Content-Encoding", ""), max_bytes)
    if isinstance(body, IngestError):
        return body
    return FetchedPage(url=response.geturl(), content_type=media_type,
                       charset=headers.get_content_charset() or "", body=body)


def _decoded_body(url: str, body: bytes, encoding: str, max_bytes: int) -> bytes | IngestError:
    """Undo a gzip/deflate Content-Encoding (sent by some servers whatever we ask), capped like the body."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        return IngestError(url, f"unsupported content encoding {encoding}")
    wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
    try:
        decoded = zlib.decompressobj(wbits).decompress(body, max_bytes + 1)
    except zlib.error as exc:
        return IngestError(url, f"corrupt {encoding} response ({exc})")
    if len(decoded) > max_bytes:
        return IngestError(url, f"decompressed response is over the {max_bytes / 1_000_000:g} MB limit "
                                "(raise it with max_bytes)")
    return decoded


def _network_reason(reason: object, timeout: float) -> str:
    """A network failure in words."""
    if isinstance(reason, BlockedAddress):
        return str(reason)
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"timed out after {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ssl.SSLError):
        return f"TLS error: {reason.reason or reason}"
    if isinstance(reason, OSError) and reason.strerror:
        return f"network error: {reason.strerror}"
    if isinstance(reason, str) or (type(reason) is OSError and reason.args):  # our own messages
        return str(reason)
    return f"fetch failed: {type(reason).__name__}: {reason}"
