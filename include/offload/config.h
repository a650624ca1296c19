/* SPDX-License-Identifier: GPL-2.0-only OR BSD-2-Clause */
/*
 * The one platform shim. It detects the consumer and defines the few macros
 * the core uses, each behind #ifndef so that it coexists with kernel and
 * libbpf headers (libbpf bpf_helpers.h and Cilium compiler.h do the same).
 *
 *   consumer          detected by             OFL_API expands to
 *   userspace lib     (default)               visibility("default") export
 *   Linux kernel      __KERNEL__              plain extern (Kbuild module)
 *   eBPF program      __bpf__ / OFL_BPF       static __always_inline
 *   firmware          OFL_FIRMWARE            plain extern
 *
 * offload/bpf.h defines OFL_BPF before including anything, which turns every
 * core function into a static inline so that one BPF object carries it all.
 */
#ifndef OFL_CONFIG_H
#define OFL_CONFIG_H

#if defined(__bpf__) && !defined(OFL_BPF)
#define OFL_BPF 1
#endif

/* ---- byte order, from the compiler only (libbpf bpf_endian.h) ---- */
#if !defined(__BYTE_ORDER__) || !defined(__ORDER_LITTLE_ENDIAN__) || \
	!defined(__ORDER_BIG_ENDIAN__)
#error "ofl: the compiler does not define __BYTE_ORDER__"
#endif
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define OFL_LITTLE_ENDIAN 1
#define OFL_BIG_ENDIAN 0
#elif __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define OFL_LITTLE_ENDIAN 0
#define OFL_BIG_ENDIAN 1
#else
#error "ofl: unknown byte order"
#endif

/* ---- linkage of public functions ---- */
#ifndef OFL_API
#if defined(OFL_BPF)
#define OFL_API static __attribute__((always_inline)) inline
#elif defined(__KERNEL__) || defined(OFL_FIRMWARE) || defined(OFL_STATIC_ONLY)
#define OFL_API
#elif defined(__GNUC__)
#define OFL_API __attribute__((visibility("default")))
#else
#define OFL_API
#endif
#endif

/* Internal helpers: always inlined, never exported. */
#ifndef OFL_INLINE
#if defined(__GNUC__)
#define OFL_INLINE static inline __attribute__((always_inline))
#else
#define OFL_INLINE static inline
#endif
#endif

/* A private (file-local) function that need not be inlined natively but
 * must be in BPF, which has no real calls into other sections here. */
#ifndef OFL_PRIVATE
#if defined(OFL_BPF)
#define OFL_PRIVATE static __attribute__((always_inline)) inline
#else
#define OFL_PRIVATE static
#endif
#endif

#ifndef ofl_likely
#if defined(__GNUC__)
#define ofl_likely(x) __builtin_expect(!!(x), 1)
#define ofl_unlikely(x) __builtin_expect(!!(x), 0)
#else
#define ofl_likely(x) (x)
#define ofl_unlikely(x) (x)
#endif
#endif

#ifndef OFL_STATIC_ASSERT
#if defined(__cplusplus)
#define OFL_STATIC_ASSERT(c, msg) static_assert(c, msg)
#else
#define OFL_STATIC_ASSERT(c, msg) _Static_assert(c, msg)
#endif
#endif

#ifndef OFL_ARRAY_SIZE
#define OFL_ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

/* Loop unrolling hint; BPF wants bounded loops, which all core loops are. */
#ifndef OFL_UNROLL
#if defined(__clang__)
#define OFL_UNROLL _Pragma("unroll")
#else
#define OFL_UNROLL
#endif
#endif

/* sparse annotations for the kernel build (Linux __bitwise) */
#ifndef OFL_BITWISE
#ifdef __CHECKER__
#define OFL_BITWISE __attribute__((bitwise))
#define OFL_FORCE __attribute__((force))
#else
#define OFL_BITWISE
#define OFL_FORCE
#endif
#endif

#if defined(__cplusplus)
#define OFL_BEGIN_DECLS extern "C" {
#define OFL_END_DECLS }
#else
#define OFL_BEGIN_DECLS
#define OFL_END_DECLS
#endif

#endif /* OFL_CONFIG_H */
