"""Entry point used by `corroborate serve`."""

from .app import create_app, serve

__all__ = ["create_app", "serve"]
