"""The local web app and REST API (``slant serve``)."""

from .app import create_app, serve

__all__ = ["create_app", "serve"]
