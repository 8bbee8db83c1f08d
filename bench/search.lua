-- wrk script: GET /search with the benchmark's queries, round robin.
-- The queries file comes from the environment variable QUERIES.
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
