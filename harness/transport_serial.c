// SPDX-License-Identifier: MIT
// transport_serial.c: serial:DEVICE[@BAUD], a local UART through
// libserialport, 8N1 without flow control. The modem lines are left as the
// driver sets them on open.
//
// libserialport only knows devices listed in sysfs; a pseudo-terminal
// (socat or ser2net bridges, /dev/pts/N) is opened with plain termios in
// raw mode instead and then read and written as a descriptor.
#include "transport_int.h"

#include <errno.h>
#include <fcntl.h>
#include <libserialport.h>
#include <stdio.h>
#include <termios.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <string.h>
#include <sys/stat.h>

// libserialport's own words for its last error, or errno's.
static const char *sp_message(enum sp_return r) {
  if (r == SP_ERR_FAIL) {
    static char text[256];
    char *m = sp_last_error_message();
    snprintf(text, sizeof text, "%s", m ? m : "failure");
    if (m) sp_free_error_message(m);
    size_t n = strlen(text);
    while (n && (text[n - 1] == '\n' || text[n - 1] == '\r'))
      text[--n] = '\0';
    return text;
  }
  switch (r) {
  case SP_ERR_ARG: return "invalid argument";
  case SP_ERR_MEM: return "out of memory";
  case SP_ERR_SUPP: return "not supported";
  default: return "error";
  }
}

// termios speed constants for the rates a pseudo-terminal may be given.
static speed_t tty_speed(int baud) {
  static const struct {
    int baud;
    speed_t speed;
  } table[] = {{1200, B1200},     {2400, B2400},     {4800, B4800},    {9600, B9600},
               {19200, B19200},   {38400, B38400},   {57600, B57600},  {115200, B115200},
               {230400, B230400}, {460800, B460800}, {921600, B921600}};
  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
    if (table[i].baud == baud) return table[i].speed;
  return B0;
}

// Opens a terminal libserialport does not list (a pty) in raw mode.
static rig_status_t open_tty(transport_t *t) {
  speed_t speed = tty_speed(t->spec.baud);
  if (speed == B0)
    return transport_fail(t, RIG_E_CONNECT,
                          "%s is not a UART libserialport knows; %d baud is not a standard rate",
                          t->spec.device, t->spec.baud);
  int fd = open(t->spec.device, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return transport_fail(t, RIG_E_CONNECT, "cannot open %s: %s", t->spec.device, strerror(errno));
  struct termios tio;
  if (!isatty(fd) || tcgetattr(fd, &tio) < 0) {
    close(fd);
    return transport_fail(t, RIG_E_NODEVICE, "%s is not a serial device", t->spec.device);
  }
  cfmakeraw(&tio);
  tio.c_cflag |= CLOCAL | CREAD;
  cfsetispeed(&tio, speed);
  cfsetospeed(&tio, speed);
  if (tcsetattr(fd, TCSANOW, &tio) < 0) {
    int e = errno;
    close(fd);
    return transport_fail(t, RIG_E_CONNECT, "cannot configure %s: %s", t->spec.device, strerror(e));
  }
  t->rfd = t->wfd = fd;
  return RIG_OK;
}

static rig_status_t serial_open(transport_t *t) {
  if (t->port || t->rfd >= 0) return RIG_OK;
  struct stat sb;
  if (stat(t->spec.device, &sb) < 0)
    return transport_fail(t, RIG_E_NODEVICE,
                          "serial device %s: %s (is the board plugged in? see 'rig ports')", t->spec.device,
                          strerror(errno));
  struct sp_port *port = NULL;
  enum sp_return r = sp_get_port_by_name(t->spec.device, &port);
  if (r == SP_ERR_ARG && S_ISCHR(sb.st_mode)) return open_tty(t);
  if (r != SP_OK)
    return transport_fail(t, RIG_E_NODEVICE, "serial device %s: %s", t->spec.device, sp_message(r));
  r = sp_open(port, SP_MODE_READ_WRITE);
  if (r != SP_OK) {
    transport_fail(t, RIG_E_CONNECT, "cannot open %s: %s", t->spec.device, sp_message(r));
    sp_free_port(port);
    return RIG_E_CONNECT;
  }
  if ((r = sp_set_baudrate(port, t->spec.baud)) != SP_OK || (r = sp_set_bits(port, 8)) != SP_OK ||
      (r = sp_set_parity(port, SP_PARITY_NONE)) != SP_OK || (r = sp_set_stopbits(port, 1)) != SP_OK ||
      (r = sp_set_flowcontrol(port, SP_FLOWCONTROL_NONE)) != SP_OK) {
    transport_fail(t, RIG_E_CONNECT, "cannot configure %s at %d baud: %s", t->spec.device, t->spec.baud,
                   sp_message(r));
    sp_close(port);
    sp_free_port(port);
    return RIG_E_CONNECT;
  }
  t->port = port;
  return RIG_OK;
}

static rig_status_t serial_read(transport_t *t, void *buf, size_t cap, size_t *got, int timeout_ms) {
  *got = 0;
  if (t->rfd >= 0) {
    // A pty whose other side has gone reads as EIO.
    rig_status_t st = transport_fd_read(t, buf, cap, got, timeout_ms);
    return st == RIG_E_IO ? transport_fail(t, RIG_E_CLOSED, "%s: the other side went away", t->spec.device)
                          : st;
  }
  if (!t->port) return transport_fail(t, RIG_E_CLOSED, "serial port not open");
  int64_t end = rig_now_ms() + timeout_ms;
  for (;;) {
    if (rig_stop_requested()) return RIG_E_INTERRUPTED;
    int64_t left = end - rig_now_ms();
    if (left < 0) left = 0;
    // Waits of at most 100 ms so that a stop request is seen; a zero
    // timeout would mean "forever" to libserialport, so use 1.
    unsigned slice = left > 100 ? 100 : (left < 1 ? 1 : (unsigned)left);
    enum sp_return r = sp_blocking_read_next(t->port, buf, cap, slice);
    if (r > 0) {
      *got = (size_t)r;
      return RIG_OK;
    }
    if (r < 0) {
      // A USB adapter unplugged mid-run shows up here.
      return transport_fail(t, RIG_E_CLOSED, "serial read on %s: %s", t->spec.device, sp_message(r));
    }
    if (left == 0) return RIG_E_TIMEOUT;
  }
}

static rig_status_t serial_write(transport_t *t, const void *buf, size_t len, int timeout_ms) {
  if (t->wfd >= 0) return transport_fd_write(t, buf, len, timeout_ms);
  if (!t->port) return transport_fail(t, RIG_E_CLOSED, "serial port not open");
  const char *p = buf;
  int64_t end = rig_now_ms() + timeout_ms;
  while (len > 0) {
    if (rig_stop_requested()) return RIG_E_INTERRUPTED;
    int64_t left = end - rig_now_ms();
    if (left <= 0) return transport_fail(t, RIG_E_TIMEOUT, "serial write on %s timed out", t->spec.device);
    enum sp_return r = sp_blocking_write(t->port, p, len, left > 100 ? 100 : (unsigned)left);
    if (r < 0)
      return transport_fail(t, RIG_E_CLOSED, "serial write on %s: %s", t->spec.device, sp_message(r));
    p += r;
    len -= (size_t)r;
  }
  return RIG_OK;
}

static void serial_close(transport_t *t) {
  transport_fd_close(t);
  if (!t->port) return;
  sp_close(t->port);
  sp_free_port(t->port);
  t->port = NULL;
}

const struct transport_ops transport_serial_ops = {serial_open, serial_read, serial_write, serial_close};

rig_status_t transport_set_lines(transport_t *t, int dtr, int rts) {
  if (t->spec.kind != TRANSPORT_SERIAL)
    return transport_fail(t, RIG_E_UNSUPPORTED, "only serial ports have DTR/RTS lines");
  if (t->port) {
    enum sp_return r = SP_OK;
    if (dtr >= 0) r = sp_set_dtr(t->port, dtr ? SP_DTR_ON : SP_DTR_OFF);
    if (r == SP_OK && rts >= 0) r = sp_set_rts(t->port, rts ? SP_RTS_ON : SP_RTS_OFF);
    return r == SP_OK ? RIG_OK
                      : transport_fail(t, RIG_E_IO, "cannot set DTR/RTS on %s: %s", t->spec.device, sp_message(r));
  }
  if (t->rfd < 0) return transport_fail(t, RIG_E_CLOSED, "serial port not open");
  int bits = 0;
  if (ioctl(t->rfd, TIOCMGET, &bits) < 0) bits = 0; // a pty has no lines: keep going
  if (dtr >= 0) bits = dtr ? (bits | TIOCM_DTR) : (bits & ~TIOCM_DTR);
  if (rts >= 0) bits = rts ? (bits | TIOCM_RTS) : (bits & ~TIOCM_RTS);
  if (ioctl(t->rfd, TIOCMSET, &bits) < 0 && errno != ENOTTY && errno != EINVAL)
    return transport_fail(t, RIG_E_IO, "cannot set DTR/RTS on %s: %s", t->spec.device, strerror(errno));
  return RIG_OK;
}
