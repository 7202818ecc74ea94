/* icu_floor: the least work any ICU-based pipeline must do on the benchmark corpus.
 *
 * For every JSON Lines record: find the "text" member, decode the JSON string into UTF-8
 * (escapes \" \\ \/ \b \f \n \r \t and \uXXXX with surrogate pairs; a lone surrogate becomes
 * U+FFFD), convert it to UTF-16 with u_strFromUTF8, then walk every sentence boundary
 * (UBRK_SENTENCE) and every word boundary (UBRK_WORD, counting the segments whose rule status is
 * a word, number, letter, kana or ideograph). The two iterators are opened once and reused.
 * It matches nothing, scores nothing and writes no JSON: it prints one line of counts.
 *
 * build: cc -O2 -o icu_floor icu_floor.c $(pkg-config --cflags --libs icu-uc icu-i18n)
 * usage: icu_floor CORPUS.jsonl [LOCALE]       (LOCALE defaults to "en"; exit 3 if a line is bad)
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

typedef struct {
    unsigned long long lines, docs, bad, bytes, text_bytes, utf16_units, sentences, words;
} Counts;

static int hex_digit(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c |= 0x20;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

/* Four hex digits at p (p + 4 <= end) -> 0..0xFFFF, or -1. */
static long hex4(const char *p, const char *end) {
    if (end - p < 4) return -1;
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int d = hex_digit((unsigned char)p[i]);
        if (d < 0) return -1;
        v = v * 16 + d;
    }
    return v;
}

static char *emit_utf8(char *o, uint32_t cp) {
    if (cp < 0x80) {
        *o++ = (char)cp;
    } else if (cp < 0x800) {
        *o++ = (char)(0xC0 | cp >> 6);
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *o++ = (char)(0xE0 | cp >> 12);
        *o++ = (char)(0x80 | (cp >> 6 & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *o++ = (char)(0xF0 | cp >> 18);
        *o++ = (char)(0x80 | (cp >> 12 & 0x3F));
        *o++ = (char)(0x80 | (cp >> 6 & 0x3F));
        *o++ = (char)(0x80 | (cp & 0x3F));
    }
    return o;
}

/* Position just after the opening quote of the value of "text", or NULL. */
static const char *find_text_value(const char *p, const char *end) {
    while (p < end) {
        const char *key = memmem(p, (size_t)(end - p), "\"text\"", 6);
        if (!key) return NULL;
        p = key + 6;
        while (p < end && (*p == ' ' || *p == '\t')) p++;
        if (p < end && *p == ':') { /* a member name, not a value that reads "text" */
            p++;
            while (p < end && (*p == ' ' || *p == '\t')) p++;
            return (p < end && *p == '"') ? p + 1 : NULL;
        }
    }
    return NULL;
}

/* Decodes the JSON string starting at p into out (room for end - p bytes). Length or -1. */
static long decode_string(const char *p, const char *end, char *out) {
    char *o = out;
    for (;;) {
        const char *run = p;
        while (p < end && *p != '"' && *p != '\\') p++;
        memcpy(o, run, (size_t)(p - run));
        o += p - run;
        if (p >= end) return -1;
        if (*p == '"') return o - out;
        if (++p >= end) return -1;
        switch (*p++) {
        case '"': *o++ = '"'; break;
        case '\\': *o++ = '\\'; break;
        case '/': *o++ = '/'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'u': {
            long hi = hex4(p, end);
            if (hi < 0) return -1;
            p += 4;
            uint32_t cp = (uint32_t)hi;
            if (hi >= 0xD800 && hi <= 0xDBFF && end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
                long lo = hex4(p + 2, end);
                if (lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + (uint32_t)((hi - 0xD800) << 10) + (uint32_t)(lo - 0xDC00);
                    p += 6;
                }
            }
            if (cp >= 0xD800 && cp <= 0xDFFF) cp = 0xFFFD;
            o = emit_utf8(o, cp);
            break;
        }
        default: return -1;
        }
    }
}

int main(int argc, char **argv) {
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s CORPUS.jsonl [LOCALE]\n", argv[0]);
        return 2;
    }
    const char *locale = argc == 3 ? argv[2] : "en";
    FILE *in = fopen(argv[1], "rb");
    if (!in) { perror(argv[1]); return 1; }

    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *sentences = ubrk_open(UBRK_SENTENCE, locale, NULL, 0, &status);
    UBreakIterator *words = ubrk_open(UBRK_WORD, locale, NULL, 0, &status);
    if (U_FAILURE(status)) { fprintf(stderr, "ubrk_open: %s\n", u_errorName(status)); return 1; }

    Counts c = {0};
    char *line = NULL, *utf8 = NULL;
    UChar *utf16 = NULL;
    size_t line_cap = 0, buf_cap = 0;
    ssize_t n;
    while ((n = getline(&line, &line_cap, in)) > 0) {
        c.lines++;
        c.bytes += (unsigned long long)n;
        if ((size_t)n + 1 > buf_cap) { /* a decoded text never has more bytes or UTF-16 units */
            buf_cap = (size_t)n + 1;
            utf8 = realloc(utf8, buf_cap);
            utf16 = realloc(utf16, buf_cap * sizeof(UChar));
            if (!utf8 || !utf16) { fputs("out of memory\n", stderr); return 1; }
        }
        const char *end = line + n;
        const char *value = find_text_value(line, end);
        long len = value ? decode_string(value, end, utf8) : -1;
        if (len < 0) { c.bad++; continue; }
        int32_t units = 0;
        status = U_ZERO_ERROR;
        u_strFromUTF8(utf16, (int32_t)buf_cap, &units, utf8, (int32_t)len, &status);
        if (U_FAILURE(status)) { c.bad++; continue; }
        c.docs++;
        c.text_bytes += (unsigned long long)len;
        c.utf16_units += (unsigned long long)units;

        ubrk_setText(sentences, utf16, units, &status);
        for (int32_t b = ubrk_first(sentences); (b = ubrk_next(sentences)) != UBRK_DONE;) c.sentences++;
        ubrk_setText(words, utf16, units, &status);
        for (int32_t b = ubrk_first(words); (b = ubrk_next(words)) != UBRK_DONE;)
            if (ubrk_getRuleStatus(words) >= UBRK_WORD_NONE_LIMIT) c.words++;
        if (U_FAILURE(status)) { fprintf(stderr, "ubrk: %s\n", u_errorName(status)); return 1; }
    }
    printf("lines %llu docs %llu bad %llu bytes %llu text_bytes %llu utf16_units %llu "
           "sentences %llu words %llu\n",
           c.lines, c.docs, c.bad, c.bytes, c.text_bytes, c.utf16_units, c.sentences, c.words);
    ubrk_close(sentences);
    ubrk_close(words);
    free(line);
    free(utf8);
    free(utf16);
    fclose(in);
    return c.bad ? 3 : 0;
}
