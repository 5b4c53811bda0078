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
// freq_error_pct (|median - [freq_hz]| / [freq_hz]) judged against
// [max_freq_error_pct] and duty_error (percentage points off [duty_pct])
// judged against [max_duty_error], both from the medians of the periods
// (starting and stopping make odd ones); a problem when fewer than two
// periods were seen. The note gives both medians with their errors.
void pwm_check(const capture_t *cap, int ch, double freq_hz, double duty_pct, double max_freq_error_pct,
               double max_duty_error, analysis_t *a);

// The board's own measurement of the same waveform, from time_pulse_us on
// the wired partner: one whole high and the low after it, [high_us] and
// [low_us] (the record's board_high_us= and board_low_us=). Adds figures
// board_freq and board_duty (reported), board_freq_error_pct and
// board_duty_error (windows as pwm_check's) and a note; a problem when a
// measurement timed out (negative). Call it before pwm_check, whose
// judgement covers these figures too.
void pwm_board_figures(double high_us, double low_us, double freq_hz, double duty_pct,
                       double max_freq_error_pct, double max_duty_error, analysis_t *a);

#endif
