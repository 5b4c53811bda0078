// SPDX-License-Identifier: MIT
// mod_machine.h: the machine module's parts, one file per class
// (mod_machine_*.c), put together by mod_machine.c.
#ifndef MOD_MACHINE_H
#define MOD_MACHINE_H

#include "gc.h"
#include "obj.h"
#include "port_obj.h"

// machine's namespace filler (rt_port_module_t init).
void port_machine_init(void *ns);

// The classes, set up (names interned) for this interpreter session.
rt_val_t port_pin_class(void);
rt_val_t port_i2c_class(void);
rt_val_t port_devices_setup(void *ns); // ADC, RTC, WDT, Timer
void port_pwm_class_setup(void *ns);   // PWM (mod_machine_pwm.c)
void port_spi_setup(void *ns);         // SoftSPI, SPI (mod_machine_spi.c)
void port_uart_setup(void *ns);        // UART (mod_machine_uart.c)

// The GPIO number of a Pin object or an int; raises ValueError.
int port_pin_id(rt_val_t v);

#endif
