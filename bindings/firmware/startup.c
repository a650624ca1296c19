// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * Bare-metal start of the firmware target (Cortex-M, no libc): the vector
 * table, a reset handler that sets up .data/.bss and calls ofl_fw_main(),
 * and semihosting calls (ARM "Semihosting for AArch32 and AArch64":
 * BKPT 0xAB on M-profile, r0 = operation, r1 = argument).
 */
#include <stdint.h>

#define SYS_WRITE0 0x04
#define SYS_EXIT 0x18
#define ADP_STOPPED_APPLICATION_EXIT 0x20026
#define ADP_STOPPED_RUNTIME_ERROR 0x20023

extern uint32_t ofl_fw_stack_top[];
extern uint32_t ofl_fw_data_load[], ofl_fw_data_start[], ofl_fw_data_end[];
extern uint32_t ofl_fw_bss_start[], ofl_fw_bss_end[];

int ofl_fw_main(void);
void ofl_fw_reset(void);
void ofl_fw_fault(void);
void ofl_fw_write0(const char *s);
void ofl_fw_exit(int status) __attribute__((noreturn));

static int ofl_fw_semihost(uint32_t op, uint32_t arg)
{
	register uint32_t r0 __asm__("r0") = op;
	register uint32_t r1 __asm__("r1") = arg;

	__asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
	return (int)r0;
}

void ofl_fw_write0(const char *s)
{
	ofl_fw_semihost(SYS_WRITE0, (uint32_t)(uintptr_t)s);
}

void ofl_fw_exit(int status)
{
	for (;;)
		ofl_fw_semihost(SYS_EXIT, status ? ADP_STOPPED_RUNTIME_ERROR :
				ADP_STOPPED_APPLICATION_EXIT);
}

#define OFL_FW_PAINT 0x0f1c57acu

/*
 * Paint the free stack (from the end of .bss to a little below the current
 * stack pointer) so that ofl_fw_stack_used() can find the high-water mark.
 */
static void ofl_fw_paint(void)
{
	uint32_t *p, *sp;

	__asm__ volatile("mov %0, sp" : "=r"(sp));
	for (p = ofl_fw_bss_end; p < sp - 16; p++)
		*(volatile uint32_t *)p = OFL_FW_PAINT;
}

/* Deepest stack use so far, in bytes: the first overwritten paint word. */
unsigned int ofl_fw_stack_used(void);
unsigned int ofl_fw_stack_used(void)
{
	uint32_t *p = ofl_fw_bss_end;

	while (p < ofl_fw_stack_top && *(volatile uint32_t *)p == OFL_FW_PAINT)
		p++;
	return (unsigned int)((uintptr_t)ofl_fw_stack_top - (uintptr_t)p);
}

void ofl_fw_reset(void)
{
	uint32_t *s = ofl_fw_data_load, *d = ofl_fw_data_start;

	while (d < ofl_fw_data_end)
		*d++ = *s++;
	for (d = ofl_fw_bss_start; d < ofl_fw_bss_end; d++)
		*d = 0;
	ofl_fw_paint();
	ofl_fw_exit(ofl_fw_main());
}

void ofl_fw_fault(void)
{
	ofl_fw_write0("ofl-conformance fault\n");
	ofl_fw_exit(1);
}

/* initial SP, reset, NMI, HardFault, MemManage, BusFault, UsageFault */
__attribute__((section(".vectors"), used))
static const uintptr_t ofl_fw_vectors[7] = {
	(uintptr_t)ofl_fw_stack_top, (uintptr_t)ofl_fw_reset,
	(uintptr_t)ofl_fw_fault, (uintptr_t)ofl_fw_fault,
	(uintptr_t)ofl_fw_fault, (uintptr_t)ofl_fw_fault,
	(uintptr_t)ofl_fw_fault,
};
