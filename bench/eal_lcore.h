// SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause
/*
 * The EAL's "-l" argument for a bench: the first CPU the process may run
 * on. rte_eal_init() pins the main thread to its lcore's CPU, so a fixed
 * "-l 0" moved a bench started under `taskset -c 1` (scripts/perf-table.py)
 * back to CPU 0, beside whatever else ran there.
 */
#ifndef OFL_BENCH_EAL_LCORE_H
#define OFL_BENCH_EAL_LCORE_H

#include <sched.h>
#include <cstdio>

inline void ofl_bench_lcore(char *buf, size_t n)
{
	cpu_set_t set;
	int cpu = 0;

	CPU_ZERO(&set);
	if (sched_getaffinity(0, sizeof(set), &set) == 0)
		for (int c = 0; c < CPU_SETSIZE; c++)
			if (CPU_ISSET(c, &set)) {
				cpu = c;
				break;
			}
	std::snprintf(buf, n, "%d", cpu);
}

#endif
