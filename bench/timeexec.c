/* timeexec: run a command and report its wall time, CPU time and peak RSS, like /usr/bin/time -v.
 *
 * Why not time it from Python directly: Linux carries a process's peak RSS across fork and exec,
 * so any child of the Python harness would report at least the harness's own RSS (about 20 MiB).
 * This launcher is small, so its children start from a small peak, as under /usr/bin/time.
 * The peak is ru_maxrss from wait4: the largest single process among the command and the
 * descendants it waited for (not a sum over processes).
 *
 * build: cc -O2 -o timeexec timeexec.c
 * usage: timeexec REPORT_FILE COMMAND [ARG ...]
 *   writes "wall_s user_s sys_s maxrss_kib exit_code" to REPORT_FILE (exit_code 128+N for a
 *   signal N) and exits with the command's exit code.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double seconds(struct timeval tv) { return (double)tv.tv_sec + (double)tv.tv_usec / 1e6; }

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s REPORT_FILE COMMAND [ARG ...]\n", argv[0]);
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) { perror("fork"); return 2; }
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        perror(argv[2]);
        _exit(127);
    }
    int status = 0;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) { perror("wait4"); return 2; }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    FILE *report = fopen(argv[1], "w");
    if (!report) { perror(argv[1]); return 2; }
    fprintf(report, "%.6f %.6f %.6f %ld %d\n",
            (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
            seconds(ru.ru_utime), seconds(ru.ru_stime), ru.ru_maxrss, code);
    fclose(report);
    return code;
}
