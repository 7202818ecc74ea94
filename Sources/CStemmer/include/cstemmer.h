/*
 * cstemmer.h: the only interface between Swift and Snowball's libstemmer (Debian's
 * libstemmer-dev, the stemmers Lucene, Elasticsearch and PostgreSQL use).
 *
 * Plain C types and an opaque handle only. A handle is not thread-safe: one owner at a time.
 */
#ifndef CSTEMMER_H
#define CSTEMMER_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque stemmer handle for one language, UTF-8. */
typedef struct cstemmer cstemmer;

enum {
  CSTEMMER_OK = 0,
  /** No Snowball algorithm for the language (or out of memory). */
  CSTEMMER_UNKNOWN_LANGUAGE = 1,
  CSTEMMER_OUT_OF_MEMORY = 2,
};

/**
 * Opens the stemmer of `language` (an ISO 639 code such as "ru", "de", "en", or Snowball's
 * English name such as "russian"); stores it in *out. Returns a CSTEMMER_* status.
 */
int32_t cstemmer_open(const char *language, cstemmer **out);

void cstemmer_close(cstemmer *stemmer);

/**
 * Stems the UTF-8 `word` (`length` bytes, lowercase). On CSTEMMER_OK, *stem points at the
 * stem's bytes, valid until the next call on this handle, and *stem_length holds its length.
 */
int32_t cstemmer_stem(cstemmer *stemmer, const uint8_t *word, int32_t length,
                      const uint8_t **stem, int32_t *stem_length);

/** The canonical names of the available algorithms, NULL-terminated ("arabic", ...). */
const char **cstemmer_list(void);

#ifdef __cplusplus
}
#endif

#endif
