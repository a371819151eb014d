"""The semantic index: Chroma collections of skill names and occupation titles, one folder per release."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agent.embeddings import MODEL_NAME, MiniLMEmbeddings
from onet.ontology import alias_key

if TYPE_CHECKING:
    from langchain_chroma import Chroma

    from onet.ontology import SkillNode

SKILLS = "skills"
OCCUPATIONS = "occupations"
_READY = "READY"


@dataclass(frozen=True)
class Hit:
    """A semantic match: the id it points at, the text matched and a cosine similarity."""

    target: str
    text: str
    score: float


def index_dir(data_dir: Path, fingerprint: str) -> Path:
    """Where the index of the release with `fingerprint` lives."""
    return data_dir / "index" / fingerprint[:16]


def exists(data_dir: Path, fingerprint: str) -> bool:
    """True when a complete index of that release is on disk."""
    return (index_dir(data_dir, fingerprint) / _READY).exists()


def _store(folder: Path, name: str, embeddings: MiniLMEmbeddings) -> Chroma:
    import chromadb  # noqa: PLC0415  (heavy: only when the index is used)
    from chromadb.config import Settings as ChromaSettings  # noqa: PLC0415
    from langchain_chroma import Chroma  # noqa: PLC0415

    client = chromadb.PersistentClient(
        path=str(folder), settings=ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    )
    return Chroma(
        collection_name=name,
        client=client,
        embedding_function=embeddings,
        collection_configuration={"hnsw": {"space": "cosine"}},
        collection_metadata={"embedding_model": MODEL_NAME},
    )


def build(
    data_dir: Path,
    fingerprint: str,
    *,
    skills: Sequence[SkillNode],
    occupations: Sequence[tuple[str, str]],
    progress: Callable[[str], None],
    embeddings: MiniLMEmbeddings | None = None,
) -> Path:
    """Build both collections into a fresh folder and mark it ready; older releases' folders go.

    Nothing is marked ready until every vector is written, so a crash leaves no half index in use.
    """
    embeddings = embeddings or MiniLMEmbeddings()
    final = index_dir(data_dir, fingerprint)
    building = final.with_name(final.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    skill_rows = [(n.id, n.name, {"skill_id": n.id, "kind": n.kind}) for n in skills]
    _add(_store(building, SKILLS, embeddings), embeddings, skill_rows, progress, "skills")
    _add(
        _store(building, OCCUPATIONS, embeddings),
        embeddings,
        _title_rows(occupations),
        progress,
        "occupation titles",
    )
    (building / _READY).write_text(fingerprint)
    shutil.rmtree(final, ignore_errors=True)
    building.rename(final)
    for other in final.parent.iterdir():
        if other != final:
            shutil.rmtree(other, ignore_errors=True)
    return final


def _title_rows(occupations: Sequence[tuple[str, str]]) -> list[tuple[str, str, dict[str, Any]]]:
    # One vector per distinct title; a title shared by several occupations keeps all their codes.
    codes_by_key: dict[str, list[str]] = {}
    text_by_key: dict[str, str] = {}
    for code, title in occupations:
        key = alias_key(title)
        if not key:
            continue
        text_by_key.setdefault(key, title)
        codes = codes_by_key.setdefault(key, [])
        if code not in codes:
            codes.append(code)
    return [
        (f"t{i}", text_by_key[key], {"codes": "|".join(codes)})
        for i, (key, codes) in enumerate(codes_by_key.items())
    ]


def _add(
    store: Chroma,
    embeddings: MiniLMEmbeddings,
    rows: list[tuple[str, str, dict[str, Any]]],
    progress: Callable[[str], None],
    what: str,
) -> None:
    # Chroma refuses one add above its max batch size (about 5,400): add in chunks below it.
    # Vectors go in as numpy arrays straight to the collection (LangChain's add_texts would turn
    # every vector into a Python list first), and each chunk is written while the next one is
    # embedded: both release the GIL, so the two cores overlap them.
    collection = store._collection
    chunk = min(4000, store._client.get_max_batch_size())
    with ThreadPoolExecutor(max_workers=1) as writer:
        pending: Future[None] | None = None
        for start in range(0, len(rows), chunk):
            part = rows[start : start + chunk]
            vectors = embeddings.embed_array([r[1] for r in part])
            if pending is not None:
                pending.result()
            pending = writer.submit(
                collection.add,
                ids=[r[0] for r in part],
                embeddings=vectors,
                documents=[r[1] for r in part],
                metadatas=[r[2] for r in part],
            )
            progress(f"indexed {min(start + chunk, len(rows))}/{len(rows)} {what}")
        if pending is not None:
            pending.result()


class SemanticIndex:
    """Read access to a release's index; queries embed once and search one collection."""

    def __init__(self, folder: Path, embeddings: MiniLMEmbeddings | None = None) -> None:
        self.embeddings = embeddings or MiniLMEmbeddings()
        self._folder = folder
        self._stores: dict[str, Chroma] = {}

    def _collection(self, name: str) -> Chroma:
        if name not in self._stores:
            self._stores[name] = _store(self._folder, name, self.embeddings)
        return self._stores[name]

    def search(self, name: str, texts: Sequence[str], k: int) -> list[list[Hit]]:
        """The `k` nearest entries of collection `name` for each text, best first (one query for all)."""
        if not texts:
            return []
        vectors = self.embeddings.embed_array(list(texts))
        found = self._collection(name)._collection.query(
            query_embeddings=vectors, n_results=k, include=["documents", "metadatas", "distances"]
        )
        results: list[list[Hit]] = []
        for documents, metadatas, distances in zip(
            found["documents"] or [], found["metadatas"] or [], found["distances"] or [], strict=True
        ):
            results.append(
                [
                    Hit(
                        target=str(meta.get("skill_id") or meta.get("codes")),
                        text=str(document),
                        score=round(1.0 - float(distance), 4),
                    )
                    for document, meta, distance in zip(documents, metadatas, distances, strict=True)
                ]
            )
        return results
