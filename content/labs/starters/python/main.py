"""Run with `uvicorn main:app --reload`; the application lives in app/."""

from app.main import app

__all__ = ["app"]
