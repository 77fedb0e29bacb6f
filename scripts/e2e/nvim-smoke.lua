-- Neovim smoke test of the language server outside VS Code (Debian's Neovim 0.7: vim.lsp.start_client,
-- push diagnostics). Run by scripts/e2e/nvim-smoke.sh:
--   nvim --headless --clean -u NONE -c 'luafile scripts/e2e/nvim-smoke.lua'
-- Environment: GOVREPORT_SERVER (dist/server.js), GOVREPORT_SAMPLE (the report to open).
-- Exits 0 when a section-title diagnostic arrives near line 593 and a hover there is non-empty.
local server = assert(os.getenv('GOVREPORT_SERVER'), 'GOVREPORT_SERVER not set')
local sample = assert(os.getenv('GOVREPORT_SAMPLE'), 'GOVREPORT_SAMPLE not set')
local EXPECT_LINE = 592 -- 0-based: line 593, 五、存在的问题及改进情况

local function say(msg) io.stdout:write('[nvim] ' .. msg .. '\n') end
local function finish(ok, msg)
  say((ok and 'PASS: ' or 'FAIL: ') .. msg)
  for _, c in pairs(vim.lsp.get_active_clients()) do c.stop(true) end
  vim.cmd(ok and 'qall!' or 'cquit! 1')
end

local published = {} -- uri -> diagnostics (raw LSP, as pushed by the server)
local exited -- set when the server process ends
local ok_run, err = pcall(function()
  local client_id = vim.lsp.start_client({
    name = 'govreport',
    cmd = { 'node', server, '--stdio' },
    root_dir = vim.fn.fnamemodify(sample, ':p:h'),
    on_exit = function(code, signal) exited = string.format('exit code %s, signal %s', code, signal) end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
        published[result.uri] = result.diagnostics
        return vim.lsp.handlers['textDocument/publishDiagnostics'](e, result, ctx, config)
      end,
    },
  })
  if not client_id then return finish(false, 'vim.lsp.start_client failed') end
  vim.cmd('edit ' .. vim.fn.fnameescape(sample))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'govreport'
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client
  if not vim.wait(15000, function()
    client = vim.lsp.get_client_by_id(client_id)
    return exited or (client ~= nil and client.initialized == true)
  end, 50) or exited then
    return finish(false, exited and ('the server quit: ' .. exited .. ' (see ' .. vim.lsp.get_log_path() .. ')') or 'the server did not initialize within 15 s')
  end
  say('server initialized: ' .. tostring(client.server_capabilities.hoverProvider and 'hover ' or '') ..
    tostring(client.server_capabilities.diagnosticProvider and 'pull-diagnostics' or 'push-diagnostics'))
  local uri = vim.uri_from_bufnr(bufnr)
  local hit
  local got = vim.wait(15000, function()
    for _, d in ipairs(published[uri] or {}) do
      if d.code == 'section-title' and math.abs(d.range.start.line - EXPECT_LINE) <= 2 then hit = d return true end
    end
    return false
  end, 50)
  if not got then
    local lines = {}
    for _, d in ipairs(published[uri] or {}) do table.insert(lines, string.format('%d %s %s', d.range.start.line + 1, tostring(d.code), d.message)) end
    return finish(false, 'no section-title diagnostic near line 593 within 15 s; published: ' ..
      (published[uri] and ('\n  ' .. table.concat(lines, '\n  ')) or 'nothing'))
  end
  say(string.format('diagnostics pushed: %d; section-title at line %d: %s', #published[uri], hit.range.start.line + 1, hit.message))
  local res = client.request_sync('textDocument/hover', {
    textDocument = { uri = uri },
    position = { line = hit.range.start.line, character = hit.range.start.character },
  }, 10000, bufnr)
  if not res or res.err or not res.result then
    return finish(false, 'hover failed: ' .. vim.inspect(res))
  end
  local contents = res.result.contents
  local text = type(contents) == 'string' and contents or (contents.value or table.concat(vim.tbl_map(function(c)
    return type(c) == 'string' and c or (c.value or '') end, contents), '\n'))
  if text == nil or vim.trim(text) == '' then return finish(false, 'empty hover at line ' .. (hit.range.start.line + 1)) end
  say('hover: ' .. vim.fn.strcharpart((text:gsub('%s+', ' ')), 0, 80))
  finish(true, 'Neovim ' .. tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) .. ' + govreport server: diagnostics and hover')
end)
if not ok_run then finish(false, 'error: ' .. tostring(err)) end
