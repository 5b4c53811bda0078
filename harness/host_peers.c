// SPDX-License-Identifier: MIT
// host_peers.c: the network peers of a test (see host_peers.h). Each peer
// is a thread of the rig (the broker is a mosquitto process); all of them
// stop when the test ends.
#include "host_peers.h"

#include "transport_int.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define BROKER_START_MS 5000

struct host_peers {
  char host_ip[64], board_ip[64];
  char broker_cmd[256];
  atomic_int stop;
  // echo
  int echo_fd, echo_port, echo_on;
  pthread_t echo_thread;
  atomic_long echo_conns, echo_bytes;
  // http
  int http_fd, http_port, http_on;
  pthread_t http_thread;
  atomic_long http_requests;
  // send
  int send_fd, send_port, send_on;
  pthread_t send_thread;
  uint8_t send_bytes[64];
  size_t send_len;
  atomic_long send_conns;
  // knock
  int knock_port, knock_on;
  pthread_t knock_thread;
  char knock_got[256];
  atomic_int knock_state; // 0 trying, 1 connected, 2 answered
  // broker
  int broker_port;
  pid_t broker_pid;
  char broker_conf[256];
  int restart_after_ms, restart_on;
  pthread_t restart_thread;
  atomic_int restarted;
  // mqtt-echo
  int mqtt_echo_on;
  pthread_t mqtt_thread;
  atomic_long mqtt_seen;
};

host_peers_t *host_peers_new(void) {
  host_peers_t *hp = calloc(1, sizeof *hp);
  if (!hp) return NULL;
  snprintf(hp->host_ip, sizeof hp->host_ip, "127.0.0.1");
  // Debian puts mosquitto in /usr/sbin, which a user's PATH may lack.
  snprintf(hp->broker_cmd, sizeof hp->broker_cmd, "%s",
           access("/usr/sbin/mosquitto", X_OK) == 0 ? "/usr/sbin/mosquitto" : "mosquitto");
  hp->echo_fd = -1;
  hp->http_fd = -1;
  hp->send_fd = -1;
  return hp;
}

void host_peers_free(host_peers_t *hp) {
  if (!hp) return;
  host_peers_stop(hp, NULL);
  free(hp);
}

void host_peers_set_addresses(host_peers_t *hp, const char *host_ip, const char *board_ip) {
  snprintf(hp->host_ip, sizeof hp->host_ip, "%s", host_ip && *host_ip ? host_ip : "127.0.0.1");
  snprintf(hp->board_ip, sizeof hp->board_ip, "%s", board_ip ? board_ip : "");
}

void host_peers_set_broker_command(host_peers_t *hp, const char *path) {
  snprintf(hp->broker_cmd, sizeof hp->broker_cmd, "%s", path);
}

// A listening TCP socket on [ip]:0; its port in *port.
static int listen_any(const char *ip, int *port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  struct sockaddr_in a = {.sin_family = AF_INET};
  if (inet_pton(AF_INET, ip, &a.sin_addr) != 1 || bind(fd, (struct sockaddr *)&a, sizeof a) ||
      listen(fd, 8)) {
    close(fd);
    return -1;
  }
  socklen_t al = sizeof a;
  getsockname(fd, (struct sockaddr *)&a, &al);
  *port = ntohs(a.sin_port);
  return fd;
}

// ---- echo ----------------------------------------------------------------

static void *echo_main(void *arg) {
  host_peers_t *hp = arg;
  int clients[8];
  int nclients = 0;
  while (!hp->stop) {
    struct pollfd p[9];
    p[0] = (struct pollfd){.fd = hp->echo_fd, .events = POLLIN};
    for (int i = 0; i < nclients; i++)
      p[i + 1] = (struct pollfd){.fd = clients[i], .events = POLLIN};
    int polled = nclients;
    if (poll(p, (nfds_t)polled + 1, 50) <= 0) continue;
    // Only the clients poll looked at: one accepted below has no revents yet.
    for (int i = polled - 1; i >= 0; i--) {
      if (!p[i + 1].revents) continue;
      char buf[2048];
      ssize_t n = recv(clients[i], buf, sizeof buf, MSG_DONTWAIT);
      if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) continue;
      if (n > 0 && send(clients[i], buf, (size_t)n, MSG_NOSIGNAL) == n) {
        hp->echo_bytes += n;
        continue;
      }
      close(clients[i]);
      clients[i] = clients[--nclients];
    }
    if ((p[0].revents & POLLIN) && nclients < 8) {
      int c = accept4(hp->echo_fd, NULL, NULL, SOCK_CLOEXEC);
      if (c >= 0) {
        clients[nclients++] = c;
        hp->echo_conns++;
      }
    }
  }
  for (int i = 0; i < nclients; i++)
    close(clients[i]);
  return NULL;
}

// ---- http ------------------------------------------------------------------

// One request: GET /hello (Content-Length), GET /chunked (chunked), POST
// /echo (the body back, with the request's X-Test header), anything else
// 404. Connection: close, as the board's client asks.
static void http_serve(host_peers_t *hp, int c) {
  char req[4096];
  size_t n = 0;
  char *end = NULL;
  int64_t give_up = rig_now_ms() + 5000;
  while (!end && n < sizeof req - 1 && !hp->stop && rig_now_ms() < give_up) {
    struct pollfd p = {.fd = c, .events = POLLIN};
    if (poll(&p, 1, 50) <= 0) continue;
    ssize_t r = recv(c, req + n, sizeof req - 1 - n, 0);
    if (r <= 0) return;
    n += (size_t)r;
    req[n] = '\0';
    end = strstr(req, "\r\n\r\n");
  }
  if (!end) return;
  hp->http_requests++;
  size_t body_at = (size_t)(end + 4 - req);
  long want = 0;
  const char *cl = strcasestr(req, "\r\nContent-Length:");
  if (cl) want = strtol(cl + 17, NULL, 10);
  while ((long)(n - body_at) < want && n < sizeof req - 1) {
    struct pollfd p = {.fd = c, .events = POLLIN};
    if (poll(&p, 1, 2000) <= 0) break;
    ssize_t r = recv(c, req + n, sizeof req - 1 - n, 0);
    if (r <= 0) break;
    n += (size_t)r;
  }
  char out[5000];
  int len;
  if (!strncmp(req, "GET /hello ", 11)) {
    len = snprintf(out, sizeof out,
                   "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 12\r\n\r\nhello board\n");
  } else if (!strncmp(req, "GET /chunked ", 13)) {
    len = snprintf(out, sizeof out,
                   "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                   "5\r\nfirst\r\n7;ext=1\r\n, then \r\n4\r\nlast\r\n0\r\nX-Trailer: t\r\n\r\n");
  } else if (!strncmp(req, "POST /echo ", 11)) {
    char tag[64] = "";
    const char *x = strcasestr(req, "\r\nX-Test:");
    if (x) sscanf(x + 9, " %63[^\r]", tag);
    size_t bl = n - body_at;
    len = snprintf(out, sizeof out,
                   "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nX-Test: %s\r\n"
                   "Content-Length: %zu\r\n\r\n%.*s",
                   tag, bl, (int)bl, req + body_at);
  } else {
    len = snprintf(out, sizeof out, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
  }
  if (len > 0) send(c, out, (size_t)len, MSG_NOSIGNAL);
}

static void *http_main(void *arg) {
  host_peers_t *hp = arg;
  while (!hp->stop) {
    struct pollfd p = {.fd = hp->http_fd, .events = POLLIN};
    if (poll(&p, 1, 50) <= 0) continue;
    int c = accept4(hp->http_fd, NULL, NULL, SOCK_CLOEXEC);
    if (c < 0) continue;
    http_serve(hp, c);
    close(c);
  }
  return NULL;
}

// ---- send ------------------------------------------------------------------

// Every connection gets the configured bytes, then the connection ends (the
// seed's colour demo: the host sends a pixel's three bytes).
static void *send_main(void *arg) {
  host_peers_t *hp = arg;
  while (!hp->stop) {
    struct pollfd p = {.fd = hp->send_fd, .events = POLLIN};
    if (poll(&p, 1, 50) <= 0) continue;
    int c = accept4(hp->send_fd, NULL, NULL, SOCK_CLOEXEC);
    if (c < 0) continue;
    hp->send_conns++;
    send(c, hp->send_bytes, hp->send_len, MSG_NOSIGNAL);
    close(c);
  }
  return NULL;
}

// Parses hex digits into bytes; the count, or -1.
static int parse_hex(const char *s, uint8_t *out, size_t cap) {
  size_t n = 0;
  while (s[0] && s[1] && n < cap) {
    unsigned v;
    if (sscanf(s, "%2x", &v) != 1) return -1;
    out[n++] = (uint8_t)v;
    s += 2;
  }
  return *s ? -1 : (int)n;
}

// ---- knock -----------------------------------------------------------------

static void *knock_main(void *arg) {
  host_peers_t *hp = arg;
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)hp->knock_port)};
  inet_pton(AF_INET, hp->board_ip, &a.sin_addr);
  int fd = -1;
  // The board starts listening some time into the test: keep trying.
  while (!hp->stop) {
    fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd >= 0 && !connect(fd, (struct sockaddr *)&a, sizeof a)) break;
    if (fd >= 0) close(fd);
    fd = -1;
    rig_sleep_ms(50);
  }
  if (fd < 0) return NULL;
  hp->knock_state = 1;
  send(fd, "knock\n", 6, MSG_NOSIGNAL);
  char line[200];
  size_t n = 0;
  while (!hp->stop && n < sizeof line - 1) {
    struct pollfd p = {.fd = fd, .events = POLLIN};
    if (poll(&p, 1, 50) <= 0) continue;
    ssize_t r = recv(fd, line + n, 1, 0);
    if (r <= 0 || line[n] == '\n') break;
    n++;
  }
  line[n] = '\0';
  snprintf(hp->knock_got, sizeof hp->knock_got, "%s", line);
  char answer[260];
  int al = snprintf(answer, sizeof answer, "host got: %s\n", line);
  send(fd, answer, (size_t)al, MSG_NOSIGNAL);
  hp->knock_state = 2;
  // Let the board read the answer before the connection goes.
  for (int i = 0; i < 40 && !hp->stop; i++) {
    struct pollfd p = {.fd = fd, .events = POLLIN};
    char junk[64];
    if (poll(&p, 1, 50) > 0 && recv(fd, junk, sizeof junk, 0) <= 0) break;
  }
  close(fd);
  return NULL;
}

// ---- broker ----------------------------------------------------------------

static int port_open(const char *ip, int port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  inet_pton(AF_INET, ip, &a.sin_addr);
  int ok = fd >= 0 && !connect(fd, (struct sockaddr *)&a, sizeof a);
  if (fd >= 0) close(fd);
  return ok;
}

static rig_status_t broker_spawn(host_peers_t *hp, char *err, size_t errlen) {
  char port[16];
  snprintf(port, sizeof port, "%d", hp->broker_port);
  char *argv[] = {hp->broker_cmd, "-c", hp->broker_conf, NULL};
  transport_t tmp = {.rfd = -1, .wfd = -1};
  int out = -1;
  rig_status_t st = transport_spawn(&tmp, argv, NULL, &out, &hp->broker_pid);
  if (st != RIG_OK) {
    snprintf(err, errlen, "cannot start the MQTT broker '%s': %s (install mosquitto)", hp->broker_cmd,
             tmp.err);
    return RIG_E_SPAWN;
  }
  if (out >= 0) close(out); // mosquitto logs to stderr; stdout is not needed
  int64_t end = rig_now_ms() + BROKER_START_MS;
  while (!port_open("127.0.0.1", hp->broker_port)) {
    int ws;
    if (transport_child_exited(hp->broker_pid, &ws) || rig_now_ms() > end) {
      transport_kill_child(hp->broker_pid, 200);
      hp->broker_pid = 0;
      snprintf(err, errlen, "the MQTT broker '%s' did not start listening on port %s", hp->broker_cmd, port);
      return RIG_E_SPAWN;
    }
    rig_sleep_ms(20);
  }
  return RIG_OK;
}

static rig_status_t broker_start(host_peers_t *hp, char *err, size_t errlen) {
  // A free port: bind one, release it, give it to the broker.
  int fd = listen_any("127.0.0.1", &hp->broker_port);
  if (fd < 0) {
    snprintf(err, errlen, "no free port for the broker: %s", strerror(errno));
    return RIG_E_SPAWN;
  }
  close(fd);
  snprintf(hp->broker_conf, sizeof hp->broker_conf, "/tmp/rig-mosquitto-%d-%d.conf", (int)getpid(),
           hp->broker_port);
  FILE *f = fopen(hp->broker_conf, "w");
  if (!f) {
    snprintf(err, errlen, "cannot write %s: %s", hp->broker_conf, strerror(errno));
    return RIG_E_FILE;
  }
  // Anonymous clients on a loopback-only listener of its own.
  fprintf(f, "listener %d %s\nallow_anonymous true\npersistence false\nlog_type error\n", hp->broker_port,
          hp->host_ip);
  fclose(f);
  return broker_spawn(hp, err, errlen);
}

static void *restart_main(void *arg) {
  host_peers_t *hp = arg;
  int64_t at = rig_now_ms() + hp->restart_after_ms;
  while (!hp->stop && rig_now_ms() < at)
    rig_sleep_ms(20);
  if (hp->stop || !hp->broker_pid) return NULL;
  transport_kill_child(hp->broker_pid, 500);
  hp->broker_pid = 0;
  for (int i = 0; i < 50 && !hp->stop; i++)
    rig_sleep_ms(20); // down for a second
  char err[256];
  if (!hp->stop && broker_spawn(hp, err, sizeof err) == RIG_OK) hp->restarted = 1;
  return NULL;
}

// ---- mqtt-echo (libcurl's MQTT) ------------------------------------------

typedef struct {
  host_peers_t *hp;
} mqtt_ctx_t;

static void mqtt_publish(host_peers_t *hp, const char *msg, size_t len) {
  CURL *c = curl_easy_init();
  if (!c) return;
  char url[128], body[600];
  snprintf(url, sizeof url, "mqtt://127.0.0.1:%d/rig%%2Fout", hp->broker_port);
  int n = snprintf(body, sizeof body, "host got: %.*s", (int)(len > 500 ? 500 : len), msg);
  curl_easy_setopt(c, CURLOPT_URL, url);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
  curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)n);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, 3000L);
  curl_easy_perform(c);
  curl_easy_cleanup(c);
}

// libcurl hands a subscription's messages to the write callback: a 2-byte
// topic length, the topic, then the payload.
static size_t mqtt_write(char *p, size_t size, size_t nmemb, void *userp) {
  host_peers_t *hp = userp;
  size_t len = size * nmemb;
  if (len >= 2) {
    size_t tl = (size_t)((unsigned char)p[0] << 8 | (unsigned char)p[1]);
    if (2 + tl <= len) {
      hp->mqtt_seen++;
      mqtt_publish(hp, p + 2 + tl, len - 2 - tl);
    }
  }
  return len;
}

static int mqtt_progress(void *userp, curl_off_t a, curl_off_t b, curl_off_t c, curl_off_t d) {
  (void)a, (void)b, (void)c, (void)d;
  return ((host_peers_t *)userp)->stop ? 1 : 0; // non-zero ends the subscription
}

static void *mqtt_main(void *arg) {
  host_peers_t *hp = arg;
  while (!hp->stop) { // again after a broker restart
    CURL *c = curl_easy_init();
    if (!c) return NULL;
    char url[128];
    snprintf(url, sizeof url, "mqtt://127.0.0.1:%d/rig%%2Fin", hp->broker_port);
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, mqtt_write);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, hp);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, mqtt_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, hp);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, 1000L);
    curl_easy_perform(c);
    curl_easy_cleanup(c);
    rig_sleep_ms(100);
  }
  return NULL;
}

// ---- start and stop ------------------------------------------------------

static void trim(char *s) {
  size_t n = strlen(s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
    s[--n] = '\0';
  size_t k = strspn(s, " \t");
  memmove(s, s + k, strlen(s + k) + 1);
}

rig_status_t host_peers_start(host_peers_t *hp, const char *list, buf_t *prelude, char *err, size_t errlen) {
  host_peers_stop(hp, NULL);
  hp->stop = 0;
  int want_echo = 0, want_broker = 0, want_mqtt = 0, want_http = 0, want_send = 0;
  char copy[512];
  snprintf(copy, sizeof copy, "%s", list ? list : "");
  for (char *save = NULL, *e = strtok_r(copy, ",", &save); e; e = strtok_r(NULL, ",", &save)) {
    trim(e);
    char word[32] = "";
    double num = 0;
    int fields = sscanf(e, "%31s %lf", word, &num);
    if (!strcmp(word, "echo") && fields == 1) {
      want_echo = 1;
    } else if (!strcmp(word, "http") && fields == 1) {
      want_http = 1;
    } else if (!strcmp(word, "send")) {
      char hex[140];
      int got = sscanf(e, "%*s %139s", hex) == 1 ? parse_hex(hex, hp->send_bytes, sizeof hp->send_bytes) : -1;
      if (got <= 0) {
        snprintf(err, errlen, "bad '# host:' entry '%s' (send HEXBYTES, e.g. send ff8000)", e);
        return RIG_E_USAGE;
      }
      hp->send_len = (size_t)got;
      want_send = 1;
    } else if (!strcmp(word, "broker") && fields == 1) {
      want_broker = 1;
    } else if (!strcmp(word, "mqtt-echo") && fields == 1) {
      want_mqtt = want_broker = 1;
    } else if (!strcmp(word, "knock") && fields == 2 && num >= 1 && num <= 65535) {
      if (!hp->board_ip[0]) {
        snprintf(err, errlen, "'# host: knock' needs the board's address, which this target does not give");
        return RIG_E_USAGE;
      }
      hp->knock_port = (int)num;
    } else if (!strcmp(word, "broker-restart") && fields == 2 && num > 0 && num < 3600) {
      hp->restart_after_ms = (int)(num * 1000);
      want_broker = 1;
    } else if (*e) {
      snprintf(err, errlen,
               "bad '# host:' entry '%s' (echo, http, send HEX, knock PORT, broker, mqtt-echo, "
               "broker-restart SECONDS)",
               e);
      return RIG_E_USAGE;
    }
  }
  buf_printf(prelude, "RIG_HOST=%s%s%s", "'", hp->host_ip, "'");
  if (want_echo) {
    hp->echo_fd = listen_any(hp->host_ip, &hp->echo_port);
    if (hp->echo_fd < 0 || pthread_create(&hp->echo_thread, NULL, echo_main, hp)) {
      snprintf(err, errlen, "cannot start the echo server on %s: %s", hp->host_ip, strerror(errno));
      host_peers_stop(hp, NULL);
      return RIG_E_SPAWN;
    }
    hp->echo_on = 1;
    buf_printf(prelude, ";RIG_ECHO_PORT=%d", hp->echo_port);
  }
  if (want_http) {
    hp->http_fd = listen_any(hp->host_ip, &hp->http_port);
    if (hp->http_fd < 0 || pthread_create(&hp->http_thread, NULL, http_main, hp)) {
      snprintf(err, errlen, "cannot start the HTTP server on %s: %s", hp->host_ip, strerror(errno));
      host_peers_stop(hp, NULL);
      return RIG_E_SPAWN;
    }
    hp->http_on = 1;
    buf_printf(prelude, ";RIG_HTTP_PORT=%d", hp->http_port);
  }
  if (want_send) {
    hp->send_fd = listen_any(hp->host_ip, &hp->send_port);
    if (hp->send_fd < 0 || pthread_create(&hp->send_thread, NULL, send_main, hp)) {
      snprintf(err, errlen, "cannot start the send server on %s: %s", hp->host_ip, strerror(errno));
      host_peers_stop(hp, NULL);
      return RIG_E_SPAWN;
    }
    hp->send_on = 1;
    buf_printf(prelude, ";RIG_SEND_PORT=%d", hp->send_port);
  }
  if (want_broker) {
    rig_status_t st = broker_start(hp, err, errlen);
    if (st != RIG_OK) {
      host_peers_stop(hp, NULL);
      return st;
    }
    buf_printf(prelude, ";RIG_BROKER_PORT=%d", hp->broker_port);
    if (hp->restart_after_ms && !pthread_create(&hp->restart_thread, NULL, restart_main, hp))
      hp->restart_on = 1;
  }
  if (want_mqtt) {
    transport_curl_init();
    if (!pthread_create(&hp->mqtt_thread, NULL, mqtt_main, hp)) hp->mqtt_echo_on = 1;
  }
  if (hp->knock_port) {
    hp->knock_state = 0;
    hp->knock_got[0] = '\0';
    if (!pthread_create(&hp->knock_thread, NULL, knock_main, hp)) hp->knock_on = 1;
  }
  buf_append_str(prelude, "\n");
  return RIG_OK;
}

void host_peers_stop(host_peers_t *hp, buf_t *log) {
  hp->stop = 1;
  if (hp->echo_on) {
    pthread_join(hp->echo_thread, NULL);
    hp->echo_on = 0;
    if (log)
      buf_printf(log, "echo: %ld connections, %ld bytes\n", (long)hp->echo_conns, (long)hp->echo_bytes);
  }
  if (hp->echo_fd >= 0) close(hp->echo_fd);
  if (hp->http_on) {
    pthread_join(hp->http_thread, NULL);
    hp->http_on = 0;
    if (log) buf_printf(log, "http: %ld requests\n", (long)hp->http_requests);
  }
  if (hp->http_fd >= 0) close(hp->http_fd);
  if (hp->send_on) {
    pthread_join(hp->send_thread, NULL);
    hp->send_on = 0;
    if (log) buf_printf(log, "send: %ld connections\n", (long)hp->send_conns);
  }
  if (hp->send_fd >= 0) close(hp->send_fd);
  hp->send_fd = -1;
  hp->send_conns = 0;
  hp->http_fd = -1;
  hp->http_requests = 0;
  hp->echo_fd = -1;
  hp->echo_conns = hp->echo_bytes = 0;
  if (hp->knock_on) {
    pthread_join(hp->knock_thread, NULL);
    hp->knock_on = 0;
    if (log)
      buf_printf(log, "knock: %s\n",
                 hp->knock_state == 2   ? hp->knock_got
                 : hp->knock_state == 1 ? "connected, no line from the board"
                                        : "the board never accepted");
  }
  hp->knock_port = 0;
  if (hp->restart_on) {
    pthread_join(hp->restart_thread, NULL);
    hp->restart_on = 0;
    if (log) buf_printf(log, "broker: %s\n", hp->restarted ? "restarted" : "not restarted");
  }
  hp->restart_after_ms = 0;
  hp->restarted = 0;
  if (hp->mqtt_echo_on) {
    pthread_join(hp->mqtt_thread, NULL);
    hp->mqtt_echo_on = 0;
    if (log) buf_printf(log, "mqtt-echo: %ld messages echoed\n", (long)hp->mqtt_seen);
  }
  hp->mqtt_seen = 0;
  if (hp->broker_pid) {
    transport_kill_child(hp->broker_pid, 500);
    hp->broker_pid = 0;
  }
  if (hp->broker_conf[0]) {
    remove(hp->broker_conf);
    hp->broker_conf[0] = '\0';
  }
}
