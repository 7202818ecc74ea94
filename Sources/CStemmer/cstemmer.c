#include "cstemmer.h"

#include <libstemmer.h>
#include <stdlib.h>

struct cstemmer {
  struct sb_stemmer *stemmer;
};

int32_t cstemmer_open(const char *language, cstemmer **out) {
  *out = NULL;
  struct sb_stemmer *stemmer = sb_stemmer_new(language, "UTF_8");
  if (!stemmer) return CSTEMMER_UNKNOWN_LANGUAGE;
  cstemmer *handle = malloc(sizeof *handle);
  if (!handle) {
    sb_stemmer_delete(stemmer);
    return CSTEMMER_OUT_OF_MEMORY;
  }
  handle->stemmer = stemmer;
  *out = handle;
  return CSTEMMER_OK;
}

void cstemmer_close(cstemmer *stemmer) {
  if (!stemmer) return;
  sb_stemmer_delete(stemmer->stemmer);
  free(stemmer);
}

int32_t cstemmer_stem(cstemmer *stemmer, const uint8_t *word, int32_t length,
                      const uint8_t **stem, int32_t *stem_length) {
  const sb_symbol *result = sb_stemmer_stem(stemmer->stemmer, (const sb_symbol *)word, length);
  if (!result) {
    *stem = NULL;
    *stem_length = 0;
    return CSTEMMER_OUT_OF_MEMORY;
  }
  *stem = (const uint8_t *)result;
  *stem_length = sb_stemmer_length(stemmer->stemmer);
  return CSTEMMER_OK;
}

const char **cstemmer_list(void) { return sb_stemmer_list(); }
