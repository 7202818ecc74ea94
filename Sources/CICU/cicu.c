#include "cicu.h"

#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/uclean.h>
#include <unicode/ures.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>

struct cicu_breaker {
  UBreakIterator *iterator;
};

static int32_t wrap(UBreakIterator *iterator, UErrorCode status, cicu_breaker **out) {
  *out = NULL;
  if (U_FAILURE(status)) {
    if (iterator) ubrk_close(iterator);
    return (int32_t)status;
  }
  cicu_breaker *breaker = malloc(sizeof *breaker);
  if (!breaker) {
    ubrk_close(iterator);
    return (int32_t)U_MEMORY_ALLOCATION_ERROR;
  }
  breaker->iterator = iterator;
  *out = breaker;
  return (int32_t)status;
}

int32_t cicu_breaker_open(int32_t kind, const char *locale, cicu_breaker **out) {
  UErrorCode status = U_ZERO_ERROR;
  UBreakIteratorType type = kind == CICU_BREAK_SENTENCE ? UBRK_SENTENCE : UBRK_WORD;
  UBreakIterator *iterator = ubrk_open(type, locale, NULL, 0, &status);
  return wrap(iterator, status, out);
}

int32_t cicu_breaker_clone(const cicu_breaker *breaker, cicu_breaker **out) {
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *iterator = ubrk_clone(breaker->iterator, &status);
  return wrap(iterator, status, out);
}

void cicu_breaker_close(cicu_breaker *breaker) {
  if (!breaker) return;
  ubrk_close(breaker->iterator);
  free(breaker);
}

int32_t cicu_sentence_exceptions(const char *language, uint16_t *buffer, int32_t capacity,
                                 int32_t *length) {
  // Where and how ICU's filtered sentence iterator reads them (filteredbrk.cpp): the locale's
  // bundle in the break-iterator data, "exceptions", then "SentenceBreak" (ICU follows the
  // locale's parents for them too; the public API reads the bundle itself).
  UErrorCode status = U_ZERO_ERROR;
  int32_t used = 0;
  UResourceBundle *bundle = ures_open(U_ICUDATA_NAME "-brkitr", language, &status);
  UResourceBundle *exceptions = ures_getByKey(bundle, "exceptions", NULL, &status);
  UResourceBundle *list = ures_getByKey(exceptions, "SentenceBreak", NULL, &status);
  if (U_SUCCESS(status)) {
    int32_t count = ures_getSize(list);
    for (int32_t i = 0; i < count && U_SUCCESS(status); i++) {
      int32_t units = 0;
      const UChar *exception = ures_getStringByIndex(list, i, &units, &status);
      if (U_FAILURE(status)) break;
      for (int32_t u = 0; u <= units; u++) {
        if (used < capacity) buffer[used] = u < units ? exception[u] : 0;
        used++;
      }
    }
  }
  ures_close(list);
  ures_close(exceptions);
  ures_close(bundle);
  *length = used;
  if (U_SUCCESS(status) && used > capacity) status = U_BUFFER_OVERFLOW_ERROR;
  return (int32_t)status;
}

int32_t cicu_breaker_set_text(cicu_breaker *breaker, const uint16_t *text, int32_t length) {
  UErrorCode status = U_ZERO_ERROR;
  ubrk_setText(breaker->iterator, (const UChar *)text, length, &status);
  if (U_SUCCESS(status)) ubrk_first(breaker->iterator);
  return (int32_t)status;
}

void cicu_breaker_next(cicu_breaker *breaker, int32_t *boundaries, int32_t *statuses,
                       int32_t capacity, int32_t *count) {
  int32_t n = 0;
  while (n < capacity) {
    int32_t b = ubrk_next(breaker->iterator);
    if (b == UBRK_DONE) break;
    boundaries[n] = b;
    if (statuses) statuses[n] = ubrk_getRuleStatus(breaker->iterator);
    n++;
  }
  *count = n;
}

void cicu_breaker_clear_text(cicu_breaker *breaker) {
  UErrorCode status = U_ZERO_ERROR;
  ubrk_setText(breaker->iterator, NULL, 0, &status);
}

int32_t cicu_nfkc_casefold(const uint16_t *source, int32_t length, uint16_t *dest,
                           int32_t capacity, int32_t *result_length) {
  UErrorCode status = U_ZERO_ERROR;
  *result_length = 0;
  const UNormalizer2 *normalizer = unorm2_getNFKCCasefoldInstance(&status);
  if (U_FAILURE(status)) return (int32_t)status;
  int32_t n = unorm2_normalize(normalizer, (const UChar *)source, length, (UChar *)dest,
                               capacity, &status);
  *result_length = n;
  if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) {
    return (int32_t)U_ZERO_ERROR;
  }
  return (int32_t)status;
}

struct cicu_translit {
  UTransliterator *transliterator;
};

int32_t cicu_translit_open(const uint16_t *id, int32_t length, cicu_translit **out) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError parse;
  *out = NULL;
  UTransliterator *transliterator =
      utrans_openU((const UChar *)id, length, UTRANS_FORWARD, NULL, 0, &parse, &status);
  if (U_FAILURE(status)) {
    if (transliterator) utrans_close(transliterator);
    return (int32_t)status;
  }
  cicu_translit *handle = malloc(sizeof *handle);
  if (!handle) {
    utrans_close(transliterator);
    return (int32_t)U_MEMORY_ALLOCATION_ERROR;
  }
  handle->transliterator = transliterator;
  *out = handle;
  return (int32_t)status;
}

void cicu_translit_close(cicu_translit *translit) {
  if (!translit) return;
  utrans_close(translit->transliterator);
  free(translit);
}

int32_t cicu_translit_apply(cicu_translit *translit, const uint16_t *source, int32_t length,
                            uint16_t *dest, int32_t capacity, int32_t *result_length) {
  UErrorCode status = U_ZERO_ERROR;
  *result_length = 0;
  if (length > capacity) {
    *result_length = length * 4;  /* ask for room to work in */
    return (int32_t)U_ZERO_ERROR;
  }
  u_memcpy((UChar *)dest, (const UChar *)source, length);
  int32_t text_length = length;
  int32_t limit = length;
  utrans_transUChars(translit->transliterator, (UChar *)dest, &text_length, capacity, 0, &limit,
                     &status);
  *result_length = text_length;
  if (status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING) {
    if (text_length <= capacity) *result_length = capacity + 1;
    return (int32_t)U_ZERO_ERROR;
  }
  return (int32_t)status;
}

const char *cicu_error_name(int32_t status) { return u_errorName((UErrorCode)status); }

void cicu_version(char *buffer) {
  UVersionInfo info;
  u_getVersion(info);
  u_versionToString(info, buffer);
}
