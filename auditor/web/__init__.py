"""`auditor serve`: a small local web page for a classroom machine (Starlette, served by uvicorn)."""
from .app import create_app

__all__ = ["create_app"]
