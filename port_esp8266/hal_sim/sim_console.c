// SPDX-License-Identifier: MIT
// sim_console.c: the virtual board's UART0 (board_console_* of board_hal.h).
//
// TCP mode serves one client at a time; a second connection is told the
// console is busy and closed. A client that goes away is forgotten and the
// board keeps running, its output dropped until the next client connects,
// as a real board's UART output is when nothing listens.
#define _GNU_SOURCE // accept4
#include "sim_console.h"
#include "board_hal.h"
#include "sim_board.h"
#include "sim_control.h"
#include "sim_rfc2217.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdbool.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static struct {
  int listen_fd; // TCP mode: the listening socket, else -1
  int client_fd; // TCP: the connected client or -1; stdio: 0
  int out_fd;    // where output goes (-1: dropped)
  bool stdio;
  bool plain_newlines; // stdio: drop the "\r" of "\r\n"
  bool cr_pending;     // plain_newlines: a "\r" was held back
  bool rfc2217;        // TCP: Telnet/RFC 2217 framing on the wire
  unsigned char buf[512];
  size_t buf_len, buf_pos; // received bytes not yet handed out
  uint32_t byte_ns;        // --baud-limit: time one byte takes on the line, 0: none
  uint64_t rx_due_ns;      // when the line has delivered the next byte
  uint64_t tx_free_ns;     // when the line is free to take more output
} con = {.listen_fd = -1, .client_fd = -1, .out_fd = -1};

int sim_listen_loopback(uint16_t port, int *fd_out) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(port)};
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(fd, 4) < 0 ||
      getsockname(fd, (struct sockaddr *)&addr, &len) < 0) {
    int saved = errno;
    close(fd);
    errno = saved;
    return -1;
  }
  *fd_out = fd;
  return ntohs(addr.sin_port);
}

int sim_console_listen_tcp(uint16_t port) {
  return sim_listen_loopback(port, &con.listen_fd);
}

void sim_console_set_rfc2217(int on) {
  con.rfc2217 = on != 0;
}

void sim_console_set_baud_limit(uint32_t baud) {
  con.byte_ns = baud ? (uint32_t)(10000000000ull / baud) : 0;
}

static uint64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static void sleep_until_ns(uint64_t when) {
  uint64_t now = now_ns();
  if (when <= now) return;
  struct timespec ts = {.tv_sec = (time_t)((when - now) / 1000000000u),
                        .tv_nsec = (long)((when - now) % 1000000000u)};
  nanosleep(&ts, NULL);
}

// A byte came in over a throttled line: it is handed out no sooner than the
// line could have carried it (the sender's own pace counts: an idle line
// does not bank time).
static void pace_rx(void) {
  if (!con.byte_ns) return;
  uint64_t now = now_ns();
  if (con.rx_due_ns < now) con.rx_due_ns = now;
  con.rx_due_ns += con.byte_ns;
  // Sleeping per byte costs more than a byte's time at high rates: settle
  // the debt once it exceeds a millisecond.
  if (con.rx_due_ns > now + 1000000) sleep_until_ns(con.rx_due_ns - 1000000);
}

// [n] bytes go out over a throttled line: wait until it has carried them.
static void pace_tx(size_t n) {
  if (!con.byte_ns || n == 0) return;
  uint64_t now = now_ns();
  if (con.tx_free_ns < now) con.tx_free_ns = now;
  con.tx_free_ns += (uint64_t)n * con.byte_ns;
  sleep_until_ns(con.tx_free_ns);
}

void sim_console_use_stdio(int plain_newlines) {
  con.stdio = true;
  con.client_fd = 0;
  con.out_fd = 1;
  con.plain_newlines = plain_newlines != 0;
}

static void drop_client(void) {
  if (con.stdio || con.client_fd < 0) return;
  close(con.client_fd);
  con.client_fd = con.out_fd = -1;
  con.buf_len = con.buf_pos = 0;
  // A serial port closed releases its modem lines (never a falling EN edge,
  // so this cannot reset the board from here).
  if (con.rfc2217) sim_board_set_lines(false, false);
}

static void accept_client(void) {
  int fd = accept4(con.listen_fd, NULL, NULL, SOCK_CLOEXEC);
  if (fd < 0) return;
  if (con.client_fd >= 0) {
    static const char busy[] = "vboard: console busy (one client at a time)\r\n";
    (void)!send(fd, busy, sizeof busy - 1, MSG_NOSIGNAL);
    close(fd);
    return;
  }
  int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  con.client_fd = con.out_fd = fd;
  if (con.rfc2217) sim_rfc2217_start();
}

void sim_console_send_raw(const void *buf, size_t len) {
  if (con.stdio || con.client_fd < 0) return;
  if (send(con.client_fd, buf, len, MSG_NOSIGNAL) != (ssize_t)len) drop_client();
}

// Milliseconds left until [deadline_us] for poll(), or -1 to wait forever.
static int poll_timeout_ms(uint32_t timeout_us, uint64_t deadline_us) {
  if (timeout_us == BOARD_WAIT_FOREVER) return -1;
  uint64_t now = board_ticks_us();
  if (now >= deadline_us) return 0;
  return (int)((deadline_us - now + 999) / 1000);
}

int board_console_rx(uint32_t timeout_us) {
  uint64_t deadline = board_ticks_us() + (timeout_us == BOARD_WAIT_FOREVER ? 0 : timeout_us);
  for (;;) {
    while (con.buf_pos < con.buf_len) {
      int c = con.buf[con.buf_pos++];
      if (con.rfc2217 && !con.stdio && (c = sim_rfc2217_rx((uint8_t)c)) < 0) continue; // Telnet protocol
      pace_rx();
      if (sim_control_pass_byte(true)) return c;
    }
    struct pollfd fds[4];
    int n = 0, client_at = -1, listen_at = -1, control_fds[2];
    int controls = sim_control_fds(control_fds);
    for (int i = 0; i < controls; i++)
      fds[n++] = (struct pollfd){.fd = control_fds[i], .events = POLLIN};
    if (con.client_fd >= 0) {
      client_at = n;
      fds[n++] = (struct pollfd){.fd = con.client_fd, .events = POLLIN};
    }
    if (con.listen_fd >= 0) {
      listen_at = n;
      fds[n++] = (struct pollfd){.fd = con.listen_fd, .events = POLLIN};
    }
    if (n == controls) return BOARD_RX_CLOSED; // no console input can ever come
    int ready = poll(fds, (nfds_t)n, poll_timeout_ms(timeout_us, deadline));
    if (ready < 0 && errno != EINTR) return BOARD_RX_CLOSED;
    if (ready > 0 && controls > 0) sim_control_service(); // may reset or freeze the board
    if (ready > 0 && client_at >= 0 && fds[client_at].revents) {
      ssize_t got = read(fds[client_at].fd, con.buf, sizeof con.buf);
      if (got > 0) {
        con.buf_len = (size_t)got;
        con.buf_pos = 0;
        continue;
      }
      if (got < 0 && (errno == EINTR || errno == EAGAIN)) continue;
      if (con.stdio) {
        con.client_fd = -1; // stdin ended: nothing more will come
        if (con.listen_fd < 0) return BOARD_RX_CLOSED;
      } else {
        drop_client();
      }
    }
    // After the client's input, so that a client that hung up is forgotten
    // before a new one is let in.
    if (ready > 0 && listen_at >= 0 && (fds[listen_at].revents & POLLIN)) accept_client();
    if (poll_timeout_ms(timeout_us, deadline) == 0) return BOARD_RX_TIMEOUT;
  }
}

static void write_all(const char *buf, size_t len) {
  pace_tx(len);
  char escaped[2 * 256];
  if (con.rfc2217 && !con.stdio && len <= 256) { // send_filtered hands out at most 256 at a time
    len = sim_rfc2217_escape(buf, len, escaped);
    buf = escaped;
  }
  while (len > 0 && con.out_fd >= 0) {
    ssize_t n = con.stdio ? write(con.out_fd, buf, len) : send(con.out_fd, buf, len, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (con.stdio)
        con.out_fd = -1;
      else
        drop_client();
      return;
    }
    buf += n;
    len -= (size_t)n;
  }
}

// Passes [len] bytes through the fault filter (muted output, byte loss).
static void send_filtered(const char *buf, size_t len) {
  char kept[256];
  while (len > 0) {
    size_t n = 0, take = len < sizeof kept ? len : sizeof kept;
    for (size_t i = 0; i < take; i++)
      if (sim_control_pass_byte(false)) kept[n++] = buf[i];
    write_all(kept, n);
    buf += take;
    len -= take;
  }
}

void board_console_tx(const char *buf, size_t len) {
  if (!con.plain_newlines) {
    send_filtered(buf, len);
    return;
  }
  // Hold a trailing "\r" back until we know whether "\n" follows it.
  size_t start = 0;
  for (size_t i = 0; i < len; i++) {
    if (con.cr_pending) {
      con.cr_pending = false;
      if (buf[i] != '\n') send_filtered("\r", 1);
    }
    if (buf[i] == '\r') {
      send_filtered(buf + start, i - start);
      start = i + 1;
      con.cr_pending = true;
    }
  }
  send_filtered(buf + start, len - start);
}
