/*
 * cicu.h: the only interface between Swift and ICU.
 *
 * Exposes plain C types and opaque handles only, so that Swift never parses ICU's headers
 * (they clash with Foundation's private ICU module, and ICU's versioned renaming macros do not
 * import). Every function returns or fills an ICU UErrorCode as a plain int32_t; a value > 0 is
 * an error whose name cicu_error_name() returns.
 */
#ifndef CICU_H
#define CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque break iterator handle. Not thread-safe: one owner at a time. */
typedef struct cicu_breaker cicu_breaker;

enum {
  CICU_BREAK_WORD = 0,
  CICU_BREAK_SENTENCE = 1,
};

/** Opens a break iterator of `kind` (CICU_BREAK_*) for `locale`; stores it in *out. */
int32_t cicu_breaker_open(int32_t kind, const char *locale, cicu_breaker **out);

/** Makes an independent copy (cheaper than opening a new one). */
int32_t cicu_breaker_clone(const cicu_breaker *breaker, cicu_breaker **out);

void cicu_breaker_close(cicu_breaker *breaker);

/**
 * Starts segmenting `text` (UTF-16, `length` units). The text must stay alive and unchanged
 * until cicu_breaker_clear_text. Returns an ICU status.
 */
int32_t cicu_breaker_set_text(cicu_breaker *breaker, const uint16_t *text, int32_t length);

/**
 * Writes the next boundaries (after offset 0, increasing) into `boundaries`, at most
 * `capacity`, with the rule status of the segment that ends at each into `statuses` (may be
 * NULL), and stores how many in *count. Fewer than `capacity` means the text is done.
 */
void cicu_breaker_next(cicu_breaker *breaker, int32_t *boundaries, int32_t *statuses,
                       int32_t capacity, int32_t *count);

/** Detaches the text, so the iterator never points at a freed buffer. */
void cicu_breaker_clear_text(cicu_breaker *breaker);

/**
 * The sentence-break exceptions ICU's data lists for `language` (the words a `@ss=standard`
 * sentence iterator suppresses a break after, such as "Mr." and "Hon.B.A."), in ICU's order,
 * each followed by a 0 unit, into `buffer` (capacity `capacity` units). Stores the units needed
 * in *length: U_BUFFER_OVERFLOW_ERROR when they exceed the capacity (call again with more), an
 * error when the data has no list.
 */
int32_t cicu_sentence_exceptions(const char *language, uint16_t *buffer, int32_t capacity,
                                 int32_t *length);

/**
 * NFKC_Casefold of `source` into `dest` (capacity `capacity` units). Stores the full length of
 * the result in *length (which may exceed capacity: then call again with a larger buffer).
 */
int32_t cicu_nfkc_casefold(const uint16_t *source, int32_t length, uint16_t *dest,
                           int32_t capacity, int32_t *result_length);

/** Opaque transliterator handle (ICU's UTransliterator). Not thread-safe: one owner at a time. */
typedef struct cicu_translit cicu_translit;

/**
 * Opens the transliterator with the compound ID `id` (UTF-16, `length` units), e.g.
 * "Russian-Latin/BGN; Any-Latin; Latin-ASCII"; stores it in *out. Returns an ICU status.
 */
int32_t cicu_translit_open(const uint16_t *id, int32_t length, cicu_translit **out);

void cicu_translit_close(cicu_translit *translit);

/**
 * Transliterates `source` into `dest` (capacity `capacity` units). Stores the full length of
 * the result in *result_length (which may exceed capacity: then call again with a larger
 * buffer). Returns an ICU status.
 */
int32_t cicu_translit_apply(cicu_translit *translit, const uint16_t *source, int32_t length,
                            uint16_t *dest, int32_t capacity, int32_t *result_length);

/** ICU's name for a status code, e.g. "U_ILLEGAL_ARGUMENT_ERROR". */
const char *cicu_error_name(int32_t status);

/** The ICU version string, e.g. "72.1". Writes at most 32 bytes including the NUL. */
void cicu_version(char *buffer);

#ifdef __cplusplus
}
#endif

#endif
