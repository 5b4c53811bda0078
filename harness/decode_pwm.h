// SPDX-License-Identifier: MIT
// decode_pwm.h: frequency and duty cycle of a pulse train from a capture.
//
// Each rising edge followed by a falling edge and another rising edge is
// one period; its duty is the high time over the period.
#ifndef RIG_DECODE_PWM_H
#define RIG_DECODE_PWM_H

#include "analysis.h"
#include "capture.h"

// Fills [a] (check "pwm"): figures freq (Hz) and duty (%), reported, and
// freq_error_pct (|mean - [freq_hz]| / [freq_hz]) judged against
// [max_freq_error_pct] and duty_error (percentage points off [duty_pct])
// judged against [max_duty_error], both from the medians of the periods
// (starting and stopping make odd ones); a problem when fewer than two
// periods were seen.
void pwm_check(const capture_t *cap, int ch, double freq_hz, double duty_pct, double max_freq_error_pct,
               double max_duty_error, analysis_t *a);

#endif
