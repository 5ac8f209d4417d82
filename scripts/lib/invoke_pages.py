"""Where a cold `voiceops-skill invoke` keeps its resident pages, and how much of its code it ran.

  python3 invoke_pages.py EXIT CALLGRIND BINARY

EXIT.smaps and EXIT.present were written by invoke_exit.py with the process stopped at its exit
(scripts/measure-invoke stops it there with gdb): its smaps, and which of the binary's pages
were resident. CALLGRIND is a `valgrind --tool=callgrind --dump-instr=yes` profile of the same
command. Prints the resident kilobytes by mapping, the binary's by section, then the tool's
code: the 4 KB pages it executed and the 64 KB windows those lie in (the kernel maps the cached
pages of a file around each fault, 64 KB by default, so the windows, not the pages, are what is
resident).
"""

import re
import subprocess
import sys

# Where valgrind (amd64) loads a position-independent executable.
VALGRIND_PIE_BASE = 0x108000

MAPPING = re.compile(r"^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$")


def resident(smaps_path, binary):
    """Resident KB by kind of mapping, in the order they were found."""
    groups = {}
    kind = None
    for line in open(smaps_path):
        mapping = MAPPING.match(line)
        if mapping:
            perms, name = mapping.group(3), mapping.group(4).strip()
            if name == binary:
                kind = {
                    "r--p": "tool: read-only (headers, relocations, constants, unwind tables)",
                    "r-xp": "tool: code",
                    "rw-p": "tool: data",
                }.get(perms, "tool: other")
                if perms == "r--p" and "tool: code" in groups:
                    kind = "tool: relocated read-only data (RELRO)"
            elif name.startswith("/"):
                kind = "shared libraries (libc, libm, libgcc, loader)"
            elif name in ("[heap]", "[stack]"):
                kind = name
            else:
                kind = "anonymous (thread stacks, allocator, vdso)"
            groups.setdefault(kind, 0)
        elif line.startswith("Rss:") and kind:
            groups[kind] += int(line.split()[1])
    return groups


def sections(binary):
    """The binary's allocated ELF sections: (name, start, end, executable)."""
    headers = subprocess.run(["readelf", "-SW", binary], capture_output=True, text=True, check=True)
    pattern = r"^\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+[0-9a-f]+\s+([0-9a-f]+)\s+\S+\s+(\S*)"
    for line in headers.stdout.splitlines():
        fields = re.match(pattern, line)
        if fields and int(fields.group(2), 16) > 0:
            start, size = int(fields.group(2), 16), int(fields.group(3), 16)
            yield fields.group(1), start, start + size, "X" in fields.group(4)


def by_section(present_path, smaps_path, binary):
    """The binary's resident KB by ELF section (a page two sections share counts for both)."""
    base = None
    for line in open(smaps_path):
        mapping = MAPPING.match(line)
        if mapping and mapping.group(4).strip() == binary:
            start = int(mapping.group(1), 16)
            base = start if base is None else min(base, start)
    present = [int(line, 16) - base for line in open(present_path) if line.strip()]
    for name, start, end, _ in sections(binary):
        pages = sum(1 for page in present if page < end and page + 4096 > start)
        if pages:
            yield name, (end - start + 1023) // 1024, pages * 4


def executed(callgrind_path, binary):
    """Addresses of the binary's instructions that ran."""
    code = [(start, end) for _, start, end, executable in sections(binary) if executable]
    names, current, address, ran = {}, "", 0, set()
    for line in open(callgrind_path):
        obj = re.match(r"^(c?)ob=\((\d+)\)(?: (.*))?", line)
        if obj:
            if obj.group(3):
                names[obj.group(2)] = obj.group(3).strip()
            if not obj.group(1):
                current = names.get(obj.group(2), "")
            continue
        if not line or line[0] not in "0123456789+-*":
            continue
        token = line.split()[0]
        if token.startswith("0x"):
            address = int(token, 16)
        elif token[0] in "+-":
            address += int(token)
        elif token != "*":
            continue
        # When a code section other than `.text` puts valgrind off reading the binary, the
        # code shows as "???" at its run-time address: valgrind loads a position-independent
        # executable at VALGRIND_PIE_BASE.
        here = address if current == binary else address - VALGRIND_PIE_BASE
        if current in (binary, "???") and any(start <= here < end for start, end in code):
            ran.add(here)
    return ran


def main():
    exit_prefix, callgrind_path, binary = sys.argv[1:4]
    smaps_path = exit_prefix + ".smaps"
    groups = resident(smaps_path, binary)
    if not groups:
        sys.exit(f"invoke_pages: no mappings in {smaps_path}")
    for kind, kb in groups.items():
        print(f"  {kb:6d} KB  {kind}")
    print(f"  {sum(groups.values()):6d} KB  resident at exit")
    print("the tool's resident pages by section (KB resident of KB in the file):")
    for name, size_kb, kb in by_section(exit_prefix + ".present", smaps_path, binary):
        print(f"  {kb:6d} of {size_kb:6d} KB  {name}")
    pages = {address >> 12 for address in executed(callgrind_path, binary)}
    if not pages:
        sys.exit(f"invoke_pages: no instructions of {binary} in {callgrind_path}")
    windows = {page >> 4 for page in pages}
    print(
        f"code executed: {len(pages)} pages of 4 KB ({len(pages) * 4} KB), "
        f"in {len(windows)} windows of 64 KB ({len(windows) * 64} KB)"
    )


if __name__ == "__main__":
    main()
