# Instructions per request, counted by valgrind's callgrind: (count of 1 + K requests − count
# of 1 request) / K, so start-up cancels out. Sourced by count-instructions and compare-builds.
#   instructions_per_request PROGRAM [ARG...] -- FILE
# runs `PROGRAM ARG... 1 FILE` and `PROGRAM ARG... 201 FILE` (K = 200).
instructions_per_request() {
  local args=() one many file
  while [ "$1" != -- ]; do args+=("$1"); shift; done
  file="$2"
  one=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "${args[@]}" 1 "$file" 2>&1 \
    | awk '/Collected :/ { print $NF }')
  many=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "${args[@]}" 201 "$file" 2>&1 \
    | awk '/Collected :/ { print $NF }')
  if [ -z "$one" ] || [ -z "$many" ] || [ "$many" -le "$one" ]; then
    echo "callgrind gave no count for ${args[*]} $file" >&2
    return 1
  fi
  echo $(((many - one) / 200))
}
