# Run by gdb (`source` it) with the inferior stopped at its exit: copies /proc/PID/smaps to
# $INVOKE_PAGES_OUT.smaps and lists the binary's resident pages (from /proc/PID/pagemap, bit 63:
# present) to $INVOKE_PAGES_OUT.present, one hexadecimal address a line.
import os
import gdb

pid = gdb.selected_inferior().pid
out = os.environ["INVOKE_PAGES_OUT"]
binary = os.path.realpath(os.environ["INVOKE_PAGES_BINARY"])
smaps = open("/proc/%d/smaps" % pid).read()
open(out + ".smaps", "w").write(smaps)
present = []
with open("/proc/%d/pagemap" % pid, "rb") as pagemap:
    for line in smaps.splitlines():
        fields = line.split()
        if len(fields) >= 6 and "-" in fields[0] and fields[5] == binary:
            start, end = (int(x, 16) for x in fields[0].split("-"))
            pagemap.seek((start // 4096) * 8)
            entries = pagemap.read((end - start) // 4096 * 8)
            for i in range(0, len(entries), 8):
                if int.from_bytes(entries[i:i + 8], "little") >> 63:
                    present.append(start + i // 8 * 4096)
open(out + ".present", "w").write("".join("%x\n" % a for a in present))
