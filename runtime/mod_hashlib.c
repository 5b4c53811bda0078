// SPDX-License-Identifier: MIT
// mod_hashlib.c: SHA-1 and SHA-256 (FIPS 180-4) as hashlib objects with
// update/digest/hexdigest/copy. Both share the Merkle-Damgard frame: 64-byte
// blocks, a 64-bit message length in bits, big-endian words; only the
// compression function and the state size differ.
#include "mod_hashlib.h"
#include "gc.h"
#include "obj_bytes.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_func.h"
#include "obj_str.h"
#include "print.h"
#include "qstr.h"
#include "raise.h"

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw

typedef enum { ALG_SHA1, ALG_SHA256 } hash_alg_t;

typedef struct {
  const rt_type_t *type;
  hash_alg_t alg;
  uint32_t h[8];     // chaining state (5 words for SHA-1)
  uint64_t total;    // bytes hashed so far
  uint8_t block[64]; // the partial block
  uint8_t used;      // bytes in [block]
} hash_obj_t;

extern const rt_type_t hash_type;
#define HO(v) ((hash_obj_t *)(v))

static uint32_t rotl(uint32_t x, int k) {
  return (x << k) | (x >> (32 - k));
}
static uint32_t rotr(uint32_t x, int k) {
  return (x >> k) | (x << (32 - k));
}
static uint32_t load_be(const uint8_t *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void sha1_block(uint32_t *h, const uint8_t *p) {
  uint32_t w[80];
  for (int t = 0; t < 16; t++)
    w[t] = load_be(p + 4 * t);
  for (int t = 16; t < 80; t++)
    w[t] = rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
  for (int t = 0; t < 80; t++) {
    uint32_t f, k;
    if (t < 20) {
      f = (b & c) | (~b & d);
      k = 0x5a827999;
    } else if (t < 40) {
      f = b ^ c ^ d;
      k = 0x6ed9eba1;
    } else if (t < 60) {
      f = (b & c) | (b & d) | (c & d);
      k = 0x8f1bbcdc;
    } else {
      f = b ^ c ^ d;
      k = 0xca62c1d6;
    }
    uint32_t tmp = rotl(a, 5) + f + e + k + w[t];
    e = d;
    d = c;
    c = rotl(b, 30);
    b = a;
    a = tmp;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
}

// The first 32 bits of the fractional parts of the cube roots of the
// first 64 primes.
static const uint32_t sha256_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static void sha256_block(uint32_t *h, const uint8_t *p) {
  uint32_t w[64];
  for (int t = 0; t < 16; t++)
    w[t] = load_be(p + 4 * t);
  for (int t = 16; t < 64; t++) {
    uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
    uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);
    w[t] = w[t - 16] + s0 + w[t - 7] + s1;
  }
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
  for (int t = 0; t < 64; t++) {
    uint32_t t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + sha256_k[t] + w[t];
    uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
    hh = g;
    g = f;
    f = e;
    e = d + t1;
    d = c;
    c = b;
    b = a;
    a = t1 + t2;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
  h[5] += f;
  h[6] += g;
  h[7] += hh;
}

static void compress(hash_obj_t *o, const uint8_t *block) {
  if (o->alg == ALG_SHA1)
    sha1_block(o->h, block);
  else
    sha256_block(o->h, block);
}

static void hash_feed(hash_obj_t *o, const uint8_t *d, size_t len) {
  o->total += len;
  while (len) {
    size_t take = 64 - o->used;
    if (take > len) take = len;
    memcpy(o->block + o->used, d, take);
    o->used = (uint8_t)(o->used + take);
    d += take;
    len -= take;
    if (o->used == 64) {
      compress(o, o->block);
      o->used = 0;
    }
  }
}

static size_t digest_size(const hash_obj_t *o) {
  return o->alg == ALG_SHA1 ? 20 : 32;
}

// Writes the digest of what was fed so far to [out], leaving [o] as it is
// (the padding is applied to a copy).
static void hash_final(const hash_obj_t *o, uint8_t *out) {
  hash_obj_t c = *o;
  uint64_t bits = c.total * 8;
  uint8_t pad = 0x80;
  hash_feed(&c, &pad, 1);
  uint8_t zero = 0;
  while (c.used != 56)
    hash_feed(&c, &zero, 1);
  uint8_t len_be[8];
  for (int k = 0; k < 8; k++)
    len_be[k] = (uint8_t)(bits >> (56 - 8 * k));
  hash_feed(&c, len_be, 8);
  for (size_t k = 0; k < digest_size(o) / 4; k++) {
    out[4 * k] = (uint8_t)(c.h[k] >> 24);
    out[4 * k + 1] = (uint8_t)(c.h[k] >> 16);
    out[4 * k + 2] = (uint8_t)(c.h[k] >> 8);
    out[4 * k + 3] = (uint8_t)c.h[k];
  }
}

static const uint32_t sha1_iv[5] = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};

void rt_sha1(const void *data, size_t len, uint8_t digest[20]) {
  hash_obj_t o = {.alg = ALG_SHA1};
  memcpy(o.h, sha1_iv, sizeof sha1_iv);
  hash_feed(&o, data, len);
  hash_final(&o, digest);
}

static void feed_value(hash_obj_t *o, rt_val_t v) {
  const uint8_t *d;
  size_t len;
  if (rt_is_str(v)) rt_raise_msg(&rt_exc_TypeError, RT_MSG("Strings must be encoded before hashing"));
  if (!rt_bytes_buffer(v, &d, &len))
    rt_raise_msg(&rt_exc_TypeError, RT_MSG("object supporting the buffer API required"));
  hash_feed(o, d, len);
}

static rt_val_t hash_new(hash_alg_t alg, size_t n, const rt_val_t *args, const rt_kw_t *kw) {
  hash_obj_t *o = rt_gc_alloc(sizeof *o, RT_GC_LEAF);
  o->type = &hash_type;
  o->alg = alg;
  // The first 32 bits of the fractional parts of the square roots of the first 8 primes.
  static const uint32_t sha256_iv[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                        0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  if (alg == ALG_SHA1)
    memcpy(o->h, sha1_iv, sizeof sha1_iv);
  else
    memcpy(o->h, sha256_iv, sizeof sha256_iv);
  rt_val_t data = n > 0 ? args[0] : RT_NULL;
  if (kw) {
    for (size_t k = 0; k < kw->n; k++) {
      size_t len;
      const char *name = rt_str_data(kw->names[k], &len);
      if (strcmp(name, "string") == 0)
        data = kw->values[k];
      else if (strcmp(name, "usedforsecurity") != 0)
        rt_raise_msg(&rt_exc_TypeError, RT_MSG("'%q' is an invalid keyword argument for %s()"), kw->names[k],
                     alg == ALG_SHA1 ? "openssl_sha1" : "openssl_sha256");
    }
  }
  if (data) feed_value(o, data);
  return rt_val(o);
}

static rt_val_t f_sha1(ARGS) {
  return hash_new(ALG_SHA1, n, args, kw);
}
static rt_val_t f_sha256(ARGS) {
  return hash_new(ALG_SHA256, n, args, kw);
}

static rt_val_t h_update(ARGS) {
  (void)n, (void)kw;
  feed_value(HO(args[0]), args[1]);
  return RT_NONE;
}

static rt_val_t h_digest(ARGS) {
  (void)n, (void)kw;
  uint8_t out[32];
  hash_final(HO(args[0]), out);
  return rt_bytes_new((const char *)out, digest_size(HO(args[0])));
}

static rt_val_t h_hexdigest(ARGS) {
  (void)n, (void)kw;
  uint8_t out[32];
  char hex[64];
  hash_final(HO(args[0]), out);
  size_t len = digest_size(HO(args[0]));
  for (size_t k = 0; k < len; k++) {
    hex[2 * k] = "0123456789abcdef"[out[k] >> 4];
    hex[2 * k + 1] = "0123456789abcdef"[out[k] & 15];
  }
  return rt_str_new(hex, 2 * len);
}

static rt_val_t h_copy(ARGS) {
  (void)n, (void)kw;
  hash_obj_t *c = rt_gc_alloc(sizeof *c, RT_GC_LEAF);
  *c = *HO(args[0]);
  return rt_val(c);
}

static rt_val_t hash_attr(rt_val_t self, rt_val_t name, rt_val_t store) {
  if (store != RT_NULL) return RT_NULL;
  const hash_obj_t *o = HO(self);
  if (name == RT_QV(name)) return o->alg == ALG_SHA1 ? RT_QV(sha1) : RT_QV(sha256);
  if (name == RT_QV(digest_size)) return rt_small((intptr_t)digest_size(o));
  if (name == RT_QV(block_size)) return rt_small(64);
  return RT_NULL;
}

static void hash_print(rt_printer_t *p, rt_val_t self, bool repr) {
  (void)repr;
  rt_print_format(p, "<%s HASH object @ %p>", HO(self)->alg == ALG_SHA1 ? "sha1" : "sha256", (void *)self);
}

static RT_BUILTIN(update_obj, update, 2, 2, 0, h_update);
static RT_BUILTIN(digest_obj, digest, 1, 1, 0, h_digest);
static RT_BUILTIN(hexdigest_obj, hexdigest, 1, 1, 0, h_hexdigest);
static RT_BUILTIN(copy_obj, copy, 1, 1, 0, h_copy);
static const rt_method_t hash_methods[] = {
    {RT_Q_update, &update_obj},
    {RT_Q_digest, &digest_obj},
    {RT_Q_hexdigest, &hexdigest_obj},
    {RT_Q_copy, &copy_obj},
    {0, NULL},
};

const rt_type_t hash_type = {
    .type = &rt_type_type,
    .name = RT_Q_HASH,
    .base = &rt_object_type,
    .methods = hash_methods,
    .print = hash_print,
    .attr = hash_attr,
};

static RT_BUILTIN(sha1_obj, sha1, 0, 1, RT_BF_KW, f_sha1);
static RT_BUILTIN(sha256_obj, sha256, 0, 1, RT_BF_KW, f_sha256);

void rt_hashlib_init(rt_dict_t *g) {
  rt_dict_set(g, RT_QV(sha1), rt_val(&sha1_obj));
  rt_dict_set(g, RT_QV(sha256), rt_val(&sha256_obj));
}
