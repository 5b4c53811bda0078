// SPDX-License-Identifier: MIT
// mod_random.c: random numbers from a 32-bit xorshift generator whose
// state lives in rt_state (seeded from the tick counter at import).
#include "mod_random.h"
#include "hal.h"
#include "obj_dict.h"
#include "obj_exc.h"
#include "obj_float.h"
#include "obj_func.h"
#include "obj_int.h"
#include "obj_list.h"
#include "qstr.h"
#include "raise.h"
#include "state.h"

#define ARGS size_t n, const rt_val_t *args, const rt_kw_t *kw

static uint32_t next32(void) {
  uint32_t x = rt_state->rng ? rt_state->rng : 0x9e3779b9u;
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  rt_state->rng = x;
  return x;
}

// Uniform in [0, n) without modulo bias.
static uint32_t below(uint32_t n) {
  if (n == 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("empty range for randrange()"));
  uint32_t limit = UINT32_MAX - UINT32_MAX % n, x;
  do
    x = next32();
  while (x >= limit);
  return x % n;
}

static rt_val_t f_seed(ARGS) {
  (void)kw;
  uint32_t s = n && args[0] != RT_NONE ? (uint32_t)rt_obj_hash(args[0]) : (uint32_t)hal_ticks_us();
  rt_state->rng = s ? s : 1;
  return RT_NONE;
}

static rt_val_t f_random(ARGS) {
  (void)n, (void)args, (void)kw;
  uint64_t hi = next32() >> 5, lo = next32() >> 6; // 53 bits, as CPython builds them
  return rt_float_new((double)(hi * 67108864 + lo) / 9007199254740992.0);
}

static rt_val_t f_getrandbits(ARGS) {
  (void)n, (void)kw;
  intptr_t k = rt_obj_get_int(args[0]);
  if (k < 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("number of bits must be non-negative"));
  rt_val_t r = rt_small(0);
  for (intptr_t got = 0; got < k; got += 32) {
    intptr_t take = k - got < 32 ? k - got : 32;
    uint32_t x = take == 32 ? next32() : next32() >> (32 - take);
    r = rt_int_binary(RT_BINARY_OR, rt_int_binary(RT_BINARY_LSHIFT, r, rt_small(take)), rt_int_from_ll(x));
  }
  return r;
}

static rt_val_t f_randrange(ARGS) {
  (void)kw;
  intptr_t start = 0, stop, step = 1;
  if (n == 1) {
    stop = rt_obj_get_int(args[0]);
  } else {
    start = rt_obj_get_int(args[0]);
    stop = rt_obj_get_int(args[1]);
    if (n > 2) step = rt_obj_get_int(args[2]);
  }
  if (step == 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("zero step for randrange()"));
  intptr_t cnt = step > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / -step;
  if (cnt <= 0) rt_raise_msg(&rt_exc_ValueError, RT_MSG("empty range for randrange()"));
  return rt_small(start + step * (intptr_t)below((uint32_t)cnt));
}

static rt_val_t f_randint(ARGS) {
  (void)n, (void)kw;
  intptr_t a = rt_obj_get_int(args[0]), b = rt_obj_get_int(args[1]);
  if (b < a) rt_raise_msg(&rt_exc_ValueError, RT_MSG("empty range for randrange()"));
  return rt_small(a + (intptr_t)below((uint32_t)(b - a + 1)));
}

static rt_val_t f_uniform(ARGS) {
  (void)n, (void)kw;
  double a = rt_obj_get_float(args[0]), b = rt_obj_get_float(args[1]);
  return rt_float_new(a + (b - a) * rt_float_get(f_random(0, NULL, NULL)));
}

static rt_val_t f_choice(ARGS) {
  (void)n, (void)kw;
  size_t len = rt_obj_len(args[0]);
  if (!len) rt_raise_msg(&rt_exc_IndexError, RT_MSG("Cannot choose from an empty sequence"));
  return rt_obj_subscr(args[0], rt_small((intptr_t)below((uint32_t)len)));
}

static rt_val_t f_shuffle(ARGS) {
  (void)n, (void)kw;
  if (!rt_is_obj(args[0], &rt_list_type)) rt_raise_msg(&rt_exc_TypeError, RT_MSG("shuffle() needs a list"));
  rt_list_t *l = (rt_list_t *)args[0];
  for (size_t i = l->len; i > 1; i--) {
    size_t j = below((uint32_t)i);
    rt_val_t t = l->items[i - 1];
    l->items[i - 1] = l->items[j];
    l->items[j] = t;
  }
  return RT_NONE;
}

// sample(population, k): k distinct picks, in pick order (a partial
// Fisher-Yates shuffle of a copy).
static rt_val_t f_sample(ARGS) {
  (void)kw, (void)n;
  rt_val_t pool = rt_list_from_iter(args[0]);
  rt_list_t *l = (rt_list_t *)pool;
  intptr_t k = rt_obj_get_int(args[1]);
  if (k < 0 || (size_t)k > l->len)
    rt_raise_msg(&rt_exc_ValueError, RT_MSG("Sample larger than population or is negative"));
  for (size_t i = 0; i < (size_t)k; i++) {
    size_t j = i + below((uint32_t)(l->len - i));
    rt_val_t t = l->items[i];
    l->items[i] = l->items[j];
    l->items[j] = t;
  }
  return rt_list_from_items((size_t)k, l->items);
}

static RT_BUILTIN(seed_obj, seed, 0, 1, 0, f_seed);
static RT_BUILTIN(sample_obj, sample, 2, 2, 0, f_sample);
static RT_BUILTIN(random_obj, random, 0, 0, 0, f_random);
static RT_BUILTIN(getrandbits_obj, getrandbits, 1, 1, 0, f_getrandbits);
static RT_BUILTIN(randrange_obj, randrange, 1, 3, 0, f_randrange);
static RT_BUILTIN(randint_obj, randint, 2, 2, 0, f_randint);
static RT_BUILTIN(uniform_obj, uniform, 2, 2, 0, f_uniform);
static RT_BUILTIN(choice_obj, choice, 1, 1, 0, f_choice);
static RT_BUILTIN(shuffle_obj, shuffle, 1, 1, 0, f_shuffle);

static const rt_method_t random_table[] = {
    {RT_Q_seed, &seed_obj},
    {RT_Q_random, &random_obj},
    {RT_Q_getrandbits, &getrandbits_obj},
    {RT_Q_randrange, &randrange_obj},
    {RT_Q_randint, &randint_obj},
    {RT_Q_uniform, &uniform_obj},
    {RT_Q_choice, &choice_obj},
    {RT_Q_shuffle, &shuffle_obj},
    {RT_Q_sample, &sample_obj},
    {0, NULL},
};

void rt_random_init(rt_dict_t *g) {
  for (const rt_method_t *m = random_table; m->name; m++)
    rt_dict_set(g, rt_qstr_val(m->name), rt_val(m->value));
  if (!rt_state->rng) rt_state->rng = (uint32_t)hal_ticks_us() | 1;
}
