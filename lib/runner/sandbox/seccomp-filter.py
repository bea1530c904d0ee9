"""Writes the sandbox's seccomp filter (classic BPF, for bwrap --seccomp) to the path given as the only argument.

Everything is allowed except what a learner's program never needs and what has been the kernel's attack surface:
namespaces, mounts, keyrings, BPF, tracing, kernel modules and the like. Denied calls fail with EPERM, so a program
sees an ordinary error instead of being killed. Syscalls of other ABIs (i386, and x32's numbers with the high bit set)
are killed outright by libseccomp's architecture check, as the abuse tests show: they would otherwise be a way
around every rule below.

Built with Debian's libseccomp (python3-seccomp) when the runner prepares its caches; see seccomp.ts.
"""

import errno
import sys

import seccomp

DENIED = [
    # New namespaces, and joining or leaving them.
    "unshare", "setns",
    # Mounting, in both the old and the new mount API.
    "mount", "umount2", "pivot_root", "chroot", "fsopen", "fsconfig", "fsmount", "fspick", "move_mount",
    "open_tree", "mount_setattr",
    # Kernel keyrings, BPF programs, tracing and performance counters.
    "keyctl", "add_key", "request_key", "bpf", "ptrace", "process_vm_readv", "process_vm_writev",
    "perf_event_open", "userfaultfd", "kcmp", "lookup_dcookie",
    # io_uring has been a steady source of kernel bugs; runtimes fall back to ordinary calls without it.
    "io_uring_setup", "io_uring_enter", "io_uring_register",
    # The machine itself: kernels, modules, swap, power, accounting, clocks, quotas, raw I/O.
    "kexec_load", "kexec_file_load", "init_module", "finit_module", "delete_module", "swapon", "swapoff",
    "reboot", "acct", "settimeofday", "clock_settime", "clock_adjtime", "adjtimex", "quotactl", "quotactl_fd",
    "iopl", "ioperm", "syslog", "vhangup", "nfsservctl", "uselib", "sysfs", "_sysctl",
    # File handles bypass path permission checks.
    "open_by_handle_at", "name_to_handle_at",
]

# clone's first argument carries these; threads and fork never set them.
CLONE_NAMESPACE_FLAGS = [0x00020000, 0x02000000, 0x04000000, 0x08000000, 0x10000000, 0x20000000, 0x40000000]

# personality(2) flags that switch off address-space randomisation or memory protection. 0xffffffff (a query, bit 31
# set) must still pass, so each rule also requires bit 31 clear; no real persona sets it.
PERSONALITY_WEAKENING_FLAGS = [
    0x0040000,  # ADDR_NO_RANDOMIZE
    0x0100000,  # MMAP_PAGE_ZERO
    0x0200000,  # ADDR_COMPAT_LAYOUT
    0x0400000,  # READ_IMPLIES_EXEC
    0x0800000,  # ADDR_LIMIT_32BIT
    0x8000000,  # ADDR_LIMIT_3GB
]
QUERY_BIT = 0x80000000


def build() -> seccomp.SyscallFilter:
    deny = seccomp.ERRNO(errno.EPERM)
    f = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
    for name in DENIED:
        try:
            f.add_rule(deny, name)
        except (RuntimeError, ValueError):
            pass  # not a syscall on this architecture
    for flag in CLONE_NAMESPACE_FLAGS:
        f.add_rule(deny, "clone", seccomp.Arg(0, seccomp.MASKED_EQ, flag, flag))
    # clone3 passes its flags in memory a filter cannot read; ENOSYS makes glibc fall back to clone, checked above.
    f.add_rule(seccomp.ERRNO(errno.ENOSYS), "clone3")
    for flag in PERSONALITY_WEAKENING_FLAGS:
        f.add_rule(deny, "personality", seccomp.Arg(0, seccomp.MASKED_EQ, flag | QUERY_BIT, flag))
    return f


def main() -> None:
    with open(sys.argv[1], "wb") as out:
        build().export_bpf(out)


if __name__ == "__main__":
    main()
