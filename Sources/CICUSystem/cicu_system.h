/* Intentionally empty: ICU's headers are included only by Sources/CICU/cicu.c. */
