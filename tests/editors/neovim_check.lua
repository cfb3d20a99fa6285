-- Drive `mtqa server` from a real Neovim (0.7 or later), headless. Run by
-- tests/test_editor_neovim.py as:  nvim --headless --clean -c "luafile THIS" FILE
-- It attaches the server to the open buffer, waits for diagnostics, applies the first quick fix
-- with Neovim's own workspace-edit code, and writes what it saw as JSON to $MTQA_NVIM_OUT.
local out = os.getenv("MTQA_NVIM_OUT")
local cmd = vim.fn.json_decode(os.getenv("MTQA_NVIM_CMD"))
local result = { diagnostics = {}, actions = {}, hover = nil, lines = nil, error = nil }

local function finish()
  result.lines = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  local f = io.open(out, "w")
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd("qall!")
end

local ok, err = pcall(function()
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = "mtqa", cmd = cmd, root_dir = vim.fn.getcwd(),
    handlers = {
      ["textDocument/publishDiagnostics"] = function(_, params)
        if #params.diagnostics > 0 then result.diagnostics = params.diagnostics end
      end,
    },
  })
  vim.lsp.buf_attach_client(bufnr, client_id)
  local arrived = vim.wait(30000, function() return #result.diagnostics > 0 end, 50)
  if not arrived then error("no diagnostics from the server") end
  local client = vim.lsp.get_client_by_id(client_id)
  local d = result.diagnostics[1]
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, range = d.range,
                   context = { diagnostics = { d } } }
  local hover = client.request_sync("textDocument/hover",
    { textDocument = params.textDocument, position = d.range.start }, 10000, bufnr)
  if hover and hover.result then result.hover = hover.result.contents end
  local answer = client.request_sync("textDocument/codeAction", params, 10000, bufnr)
  if not answer or answer.err then error("codeAction failed: " .. vim.inspect(answer)) end
  for _, action in ipairs(answer.result or {}) do
    table.insert(result.actions, action.title)
  end
  local first = (answer.result or {})[1]
  if first and first.edit then
    vim.lsp.util.apply_workspace_edit(first.edit, client.offset_encoding or "utf-16")
  end
end)
if not ok then result.error = tostring(err) end
finish()
