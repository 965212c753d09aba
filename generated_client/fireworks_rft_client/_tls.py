"""TLS settings the current httpx way: one ``ssl.SSLContext`` or ``verify=True``/``False``.

httpx 0.28 deprecates ``verify=<path>`` and ``cert=...`` (a DeprecationWarning on every client
built); a context built here works the same on every httpx the package allows and on the
aiohttp transport. ``verify=True`` without a client certificate is passed on as it is, so
httpx keeps reading ``SSL_CERT_FILE`` / ``SSL_CERT_DIR`` (else certifi's bundle).
"""

import os
import ssl

from .errors import ConfigurationError

#: A client certificate: a PEM file with the key in it, (cert file, key file), or (cert, key, password).
CertTypes = str | os.PathLike[str] | tuple[str, str] | tuple[str, str, str]
VerifyTypes = bool | str | os.PathLike[str] | ssl.SSLContext


def ssl_config(verify: VerifyTypes, cert: CertTypes | None, *, trust_env: bool = True) -> bool | ssl.SSLContext:
    """What to pass to httpx as ``verify=``; a ConfigurationError for a missing or bad file."""
    if cert is None and isinstance(verify, bool | ssl.SSLContext):
        return verify
    if isinstance(verify, ssl.SSLContext):
        raise ConfigurationError(
            "cert= cannot be combined with an ssl.SSLContext: call load_cert_chain() on your context instead"
        )
    try:
        context = _context(verify, trust_env)
        if cert is not None:
            if isinstance(cert, tuple):
                context.load_cert_chain(*cert)
            else:
                context.load_cert_chain(cert)
    except (OSError, ssl.SSLError) as exc:  # FileNotFoundError, a PEM that does not parse...
        raise ConfigurationError(f"TLS settings: {exc}") from exc
    return context


def _context(verify: bool | str | os.PathLike[str], trust_env: bool) -> ssl.SSLContext:
    if verify is False:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        return context
    if verify is True:  # as httpx builds its default context
        if trust_env and os.environ.get("SSL_CERT_FILE"):
            return ssl.create_default_context(cafile=os.environ["SSL_CERT_FILE"])
        if trust_env and os.environ.get("SSL_CERT_DIR"):
            return ssl.create_default_context(capath=os.environ["SSL_CERT_DIR"])
        import certifi  # noqa: PLC0415 - a dependency of httpx

        return ssl.create_default_context(cafile=certifi.where())
    if os.path.isdir(verify):
        return ssl.create_default_context(capath=verify)
    if not os.path.isfile(verify):
        raise ConfigurationError(f"verify_ssl: no CA bundle at {os.fspath(verify)!r}")
    return ssl.create_default_context(cafile=verify)
