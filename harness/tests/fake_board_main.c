// SPDX-License-Identifier: MIT
// fake_board_main.c: the fake board as a program, for the command-line
// tests: on stdin/stdout (an exec: target), or, given --port, the way
// vboard does it: listen on 127.0.0.1, print
// "vboard: console on 127.0.0.1:<port>", serve one client.
//
//   rig_fake_board [--paste N] [--window N] [--drop-first-ctrl-c]
//                  [--garbage] [--silent] [--pidfile FILE] [--port 0 | --pty]
//                  [--profile NAME] [--wifi NAME]  (vboard's; ignored)
//
// --pty: serve on a pseudo-terminal, printing "pty: /dev/pts/N" first, so
// that the serial: transport can be tried without hardware.
#include "fake_board.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv) {
  fake_opts_t o = {.paste = 1};
  int tcp = 0, pty = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (!strcmp(a, "--paste") && i + 1 < argc)
      o.paste = atoi(argv[++i]);
    else if (!strcmp(a, "--window") && i + 1 < argc)
      o.window = atoi(argv[++i]);
    else if (!strcmp(a, "--drop-first-ctrl-c"))
      o.drop_first_ctrl_c = 1;
    else if (!strcmp(a, "--garbage"))
      o.garbage = 1;
    else if (!strcmp(a, "--silent"))
      o.silent = 1;
    else if (!strcmp(a, "--port") && i + 1 < argc)
      tcp = 1, i++;
    else if (!strcmp(a, "--pty"))
      pty = 1;
    else if ((!strcmp(a, "--profile") || !strcmp(a, "--wifi")) && i + 1 < argc)
      i++; // vboard's, taken (and ignored) so that the rig's vboard arguments can be tested
    else if (!strcmp(a, "--pidfile") && i + 1 < argc) {
      FILE *f = fopen(argv[++i], "w");
      if (f) fprintf(f, "%ld\n", (long)getpid()), fclose(f);
    } else {
      fprintf(stderr, "rig_fake_board: unexpected argument '%s'\n", a);
      return 2;
    }
  }
  if (pty) {
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0 || grantpt(m) < 0 || unlockpt(m) < 0) {
      perror("rig_fake_board: pty");
      return 2;
    }
    printf("pty: %s\n", ptsname(m));
    fflush(stdout);
    fake_board_serve(&o, m, m);
    return 0;
  }
  if (!tcp) {
    fake_board_serve(&o, 0, 1);
    return 0;
  }
  int ls = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = 0};
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (ls < 0 || bind(ls, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(ls, 1) < 0 ||
      getsockname(ls, (struct sockaddr *)&addr, &len) < 0) {
    perror("rig_fake_board");
    return 2;
  }
  printf("vboard: console on 127.0.0.1:%d\n", ntohs(addr.sin_port));
  fflush(stdout);
  int c = accept(ls, NULL, NULL);
  if (c < 0) return 2;
  fake_board_serve(&o, c, c);
  return 0;
}
