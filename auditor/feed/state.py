"""State and history in SQLite: items seen, their fingerprints and validators, and every score over time.

One writer (the thread that owns the State); workers get plain ItemState snapshots and hand back results."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable

SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS feeds (
    url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, body BLOB, fetched_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS items (
    key TEXT PRIMARY KEY, url TEXT, feed TEXT, title TEXT, outlet TEXT,
    etag TEXT, last_modified TEXT, raw_hash TEXT, text_hash TEXT, date_modified TEXT,
    first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, last_audited TEXT,
    score REAL, grade TEXT, finding_ids TEXT);
CREATE TABLE IF NOT EXISTS audits (
    id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL, url TEXT, feed TEXT, outlet TEXT, title TEXT,
    audited_at TEXT NOT NULL, change TEXT NOT NULL, score REAL NOT NULL, grade TEXT NOT NULL,
    categories TEXT NOT NULL, rule_counts TEXT NOT NULL, findings INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS audits_outlet ON audits (outlet, audited_at);
"""


def now_iso() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class ItemState:
    key: str
    etag: str | None
    last_modified: str | None
    raw_hash: str | None
    text_hash: str | None
    date_modified: str | None
    score: float | None
    grade: str | None
    finding_ids: tuple[str, ...]


@dataclass(frozen=True)
class FeedState:
    url: str
    etag: str | None
    last_modified: str | None
    body: bytes | None


@dataclass(frozen=True)
class AuditRecord:
    key: str
    url: str | None
    feed: str
    outlet: str
    title: str | None
    audited_at: str
    change: str
    score: float
    grade: str
    categories: dict[str, float]
    rule_counts: dict[str, int]
    findings: int


class State:
    """Open (creating when needed) the state file; ':memory:' keeps nothing between runs."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(self.path)
        self._db.executescript(_SCHEMA)
        self._db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        self._db.commit()

    def close(self) -> None:
        self._db.commit()
        self._db.close()

    def __enter__(self) -> "State":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- feeds ------------------------------------------------------------------------------------
    def feed(self, url: str) -> FeedState | None:
        row = self._db.execute("SELECT url, etag, last_modified, body FROM feeds WHERE url = ?", (url,)).fetchone()
        return FeedState(*row) if row else None

    def save_feed(self, url: str, etag: str | None, last_modified: str | None, body: bytes) -> None:
        self._db.execute("INSERT OR REPLACE INTO feeds VALUES (?, ?, ?, ?, ?)",
                         (url, etag, last_modified, body, now_iso()))
        self._db.commit()

    # --- items ------------------------------------------------------------------------------------
    def items(self, keys: Iterable[str]) -> dict[str, ItemState]:
        found: dict[str, ItemState] = {}
        for key in keys:
            row = self._db.execute(
                "SELECT key, etag, last_modified, raw_hash, text_hash, date_modified, score, grade, finding_ids "
                "FROM items WHERE key = ?", (key,)).fetchone()
            if row:
                ids = tuple(json.loads(row[8])) if row[8] else ()
                found[key] = ItemState(*row[:8], ids)
        return found

    def touch(self, key: str, url: str | None, feed: str, etag: str | None = None,
              last_modified: str | None = None, raw_hash: str | None = None) -> None:
        """The item was seen again, unchanged; keep fresher validators when the server sent them."""
        stamp = now_iso()
        self._db.execute("INSERT OR IGNORE INTO items (key, url, feed, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)",
                         (key, url, feed, stamp, stamp))
        self._db.execute("UPDATE items SET last_seen = ?, etag = COALESCE(?, etag), "
                         "last_modified = COALESCE(?, last_modified), raw_hash = COALESCE(?, raw_hash) WHERE key = ?",
                         (stamp, etag, last_modified, raw_hash, key))
        self._db.commit()

    def record_audit(self, record: AuditRecord, *, etag: str | None, last_modified: str | None,
                     raw_hash: str | None, text_hash: str, date_modified: str | None,
                     finding_ids: Iterable[str]) -> None:
        stamp = record.audited_at
        self._db.execute("INSERT OR IGNORE INTO items (key, url, feed, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)",
                         (record.key, record.url, record.feed, stamp, stamp))
        self._db.execute(
            "UPDATE items SET url = ?, feed = ?, title = ?, outlet = ?, etag = ?, last_modified = ?, raw_hash = ?, "
            "text_hash = ?, date_modified = ?, last_seen = ?, last_audited = ?, score = ?, grade = ?, "
            "finding_ids = ? WHERE key = ?",
            (record.url, record.feed, record.title, record.outlet, etag, last_modified, raw_hash, text_hash,
             date_modified, stamp, stamp, record.score, record.grade, json.dumps(sorted(set(finding_ids))),
             record.key))
        self._db.execute(
            "INSERT INTO audits (key, url, feed, outlet, title, audited_at, change, score, grade, categories, "
            "rule_counts, findings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (record.key, record.url, record.feed, record.outlet, record.title, stamp, record.change, record.score,
             record.grade, json.dumps(record.categories, sort_keys=True), json.dumps(record.rule_counts, sort_keys=True),
             record.findings))
        self._db.commit()

    # --- history ----------------------------------------------------------------------------------
    def history(self, outlet: str | None = None) -> list[AuditRecord]:
        """Every audit ever recorded (oldest first), optionally for one outlet."""
        sql = ("SELECT key, url, feed, outlet, title, audited_at, change, score, grade, categories, rule_counts, "
               "findings FROM audits")
        params: tuple[Any, ...] = ()
        if outlet:
            sql += " WHERE outlet = ?"
            params = (outlet,)
        rows = self._db.execute(sql + " ORDER BY audited_at, id", params).fetchall()
        return [AuditRecord(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], json.loads(r[9]),
                            json.loads(r[10]), r[11]) for r in rows]
