"""Where uploaded governance files go: generated names, so a user's file name never is a path."""

import uuid
from pathlib import Path


def governance_upload_path(instance, filename: str) -> str:
    return (f"cites/{instance.cite_id}/governance/"
            f"{uuid.uuid4().hex}{Path(filename).suffix.lower()}")
