-- wrk script: GET /search with the benchmark's queries, round robin.
-- The queries file comes from the environment variable QUERIES. With TOOK set,
-- each answer's took_ms (the searcher's own time) is appended to that file.
local queries = {}
local counter = 0

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  for line in io.lines(os.getenv("QUERIES")) do
    if #line > 0 then queries[#queries + 1] = "/search?limit=10&q=" .. urlencode(line) end
  end
end

function request()
  counter = counter + 1
  return wrk.format("GET", queries[(counter % #queries) + 1])
end

local took = os.getenv("TOOK") and io.open(os.getenv("TOOK"), "a")
if took then
  function response(status, headers, body)
    local ms = status == 200 and body:match('"took_ms":([0-9.eE+-]+)')
    if ms then took:write(ms, "\n") end
  end
end
