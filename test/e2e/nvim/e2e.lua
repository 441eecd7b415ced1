-- Neovim's built-in LSP client against the built report-lint server (run by test/nvim.test.ts):
--   nvim --headless --clean -n -u NONE -c "luafile e2e.lua"
-- with REPORT_LINT_BIN (dist/src/cli/bin.js), REPORT_FILE (a copy of seed 002) and OUT (where to write the JSON).
-- Works with Neovim 0.7 and later (vim.lsp.start_client / buf_attach_client; later versions negotiate UTF-8).
local out = { steps = {} }
local function write_out()
  vim.fn.writefile({ vim.fn.json_encode(out) }, vim.env.OUT)
end
local function step(name) table.insert(out.steps, name) end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.REPORT_FILE))
  local buf = vim.api.nvim_get_current_buf()
  local id = vim.lsp.start_client({
    name = 'report-lint',
    cmd = { 'node', vim.env.REPORT_LINT_BIN, 'lsp', '--stdio' },
    root_dir = vim.fn.fnamemodify(vim.env.REPORT_FILE, ':h'),
    on_exit = function(code) out.exit_code = code end,
  })
  vim.lsp.buf_attach_client(buf, id)
  local client = vim.lsp.get_client_by_id(id)

  local function diagnostics()
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local lsp = d.user_data and d.user_data.lsp or {}
      table.insert(list, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity,
        source = d.source, code = lsp.code, message = d.message, lsp = lsp })
    end
    table.sort(list, function(a, b) return a.lnum < b.lnum end)
    return list
  end

  out.waited_open = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  out.offset_encoding = client.offset_encoding
  out.opened = diagnostics()
  step('diagnostics')

  -- the quick fix of the 危机 diagnostic, as a user gets it: cursor on the label, code action, pick the fix
  local before = vim.api.nvim_buf_get_lines(buf, 184, 185, false)[1]
  vim.ui.select = function(items, _, on_choice)
    out.action_titles = {}
    local pick
    for _, item in ipairs(items) do
      local action = item.action or item[2] -- { action = …, ctx = … } in later versions, { client_id, action } in 0.7
      table.insert(out.action_titles, action.title)
      if action.isPreferred then pick = item end
    end
    on_choice(pick)
  end
  vim.api.nvim_win_set_cursor(0, { 185, 3 })
  vim.lsp.buf.code_action()
  out.waited_action = vim.wait(20000, function() return vim.api.nvim_buf_get_lines(buf, 184, 185, false)[1] ~= before end, 50)
  out.fixed_line = vim.api.nvim_buf_get_lines(buf, 184, 185, false)[1]
  step('code action')

  -- Neovim sends the edit as didChange; the server answers with the remaining four
  out.waited_change = vim.wait(20000, function() return #vim.diagnostic.get(buf) == 4 end, 50)
  out.after_fix = diagnostics()
  step('didChange')

  -- hover on the first value cell of row 一 of section 三 (the line after the label of line 123)
  local hres = vim.lsp.buf_request_sync(buf, 'textDocument/hover',
    { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = 123, character = 1 } }, 20000)
  out.hover = hres and hres[id] and hres[id].result and hres[id].result.contents.value or vim.NIL
  step('hover')

  local sres = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol', { textDocument = { uri = vim.uri_from_bufnr(buf) } }, 20000)
  out.symbols = {}
  for _, s in ipairs(sres and sres[id] and sres[id].result or {}) do
    local kids = {}
    for _, c in ipairs(s.children or {}) do table.insert(kids, c.name) end
    table.insert(out.symbols, { name = s.name, children = kids })
  end
  step('symbols')

  vim.lsp.stop_client(id)
  vim.wait(20000, function() return out.exit_code ~= nil end, 50)
  step('exit')
end)
if not ok then out.error = tostring(err) end
write_out()
vim.cmd('qa!')
