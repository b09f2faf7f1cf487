"""Writing files safely: one atomic writer for fixed sources and the cache."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class NotWritten(OSError):
    """A file left as it is, with the reason."""


def write_atomically(path: Path, data: bytes) -> None:
    """Write a file's bytes in one step: a new file is created with mode 0644; an existing one keeps its mode and
    owner, and through a symlink the target is written.

    A file with several hard links is rewritten in place (a rename would split it from its other names); any
    other file is replaced in one step (temporary file, fsync, rename). A read-only file is refused."""
    target = path.resolve()
    try:
        status = target.stat()
    except FileNotFoundError:
        status = None
    if status is not None and not _writable(target, status.st_mode):
        raise NotWritten("the file is read-only")
    if status is not None and status.st_nlink > 1:
        with open(target, "r+b") as stream:
            stream.write(data)
            stream.truncate()
            stream.flush()
            os.fsync(stream.fileno())
        return
    if not _writable(target.parent, target.parent.stat().st_mode):
        raise NotWritten("its folder is read-only")
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".mslint")
    except PermissionError as error:
        raise NotWritten(f"cannot write in its folder ({error.strerror})") from error
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, status.st_mode & 0o7777 if status is not None else 0o644)
        if status is not None and (status.st_uid, status.st_gid) != (os.getuid(), os.getgid()):
            os.chown(temporary, status.st_uid, status.st_gid)
        os.replace(temporary, target)
    except PermissionError as error:
        raise NotWritten(f"cannot keep its owner or replace it ({error.strerror})") from error
    finally:
        Path(temporary).unlink(missing_ok=True)


def _writable(path: Path, mode: int) -> bool:
    """Writable, and not marked read-only (no write bit: even root, who may write anyway, leaves it alone)."""
    return os.access(path, os.W_OK) and bool(mode & 0o222)
