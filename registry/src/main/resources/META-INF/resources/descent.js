// The Descent web page: leaderboard, experiment progress and one trial's curves, from the registry's REST API.
// The orchestrator's views arrive through the registry's /api/orchestrator proxy, so every request is same-origin.
'use strict';

const POLL_MS = 5000;
const state = { selectedExperiment: null, selectedTrial: null, charts: {}, pollTimer: null };

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (key === 'class') {
      node.className = value;
    } else if (key === 'style') {
      Object.assign(node.style, value);
    } else if (key.startsWith('on')) {
      node.addEventListener(key.substring(2), value);
    } else {
      node.setAttribute(key, value);
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const detail = body && (body.detail || body.title) ? body.detail || body.title : text;
    throw new Error(`GET ${url} returned HTTP ${response.status}: ${detail}`);
  }
  return body;
}

function isNumber(value) {
  return typeof value === 'number' && Number.isFinite(value);
}

function fixed(value, digits = 4) {
  return isNumber(value) ? value.toFixed(digits) : '–';
}

function percent(value) {
  return isNumber(value) ? (100 * value).toFixed(1) + '%' : '–';
}

function duration(seconds) {
  if (!isNumber(seconds)) {
    return '–';
  }
  const s = Math.max(0, Math.round(seconds));
  if (s >= 3600) {
    return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
  }
  if (s >= 60) {
    return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  }
  return `${s}s`;
}

function setStatus(id, text, isError) {
  const node = document.getElementById(id);
  node.textContent = text || '';
  node.classList.toggle('error', Boolean(isError));
}

// ---- Filters ---------------------------------------------------------------------------------------------------

function currentFilters() {
  return {
    experiment: document.getElementById('filter-experiment').value.trim(),
    dataset: document.getElementById('filter-dataset').value.trim(),
    pretext: document.getElementById('filter-pretext').value,
  };
}

function filterQuery(filters) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value) {
      params.set(key, value);
    }
  }
  const query = params.toString();
  return query ? '?' + query : '';
}

async function loadPretextOptions() {
  const select = document.getElementById('filter-pretext');
  try {
    for (const task of await getJson('api/pretext-tasks')) {
      select.append(el('option', { value: task.name, title: task.description }, task.name));
    }
  } catch (error) {
    setStatus('leaderboard-status', error.message, true);
  }
}

// ---- Leaderboard -----------------------------------------------------------------------------------------------

// Returns [low, high] of a row's whisker: the confidence interval when present, else mean ± std, else [mean, mean].
function interval(row) {
  if (isNumber(row.ciLow) && isNumber(row.ciHigh)) {
    return [row.ciLow, row.ciHigh];
  }
  if (isNumber(row.std)) {
    return [row.mean - row.std, row.mean + row.std];
  }
  return [row.mean, row.mean];
}

function baselineRows(group) {
  return Array.isArray(group.baselines) ? group.baselines : [];
}

// Chooses an accuracy axis that shows the differences between rows: 0.05 steps around every value on the board.
function axisRange(groups) {
  const values = [];
  for (const group of groups) {
    for (const row of group.rows.concat(group.baselines)) {
      values.push(...interval(row));
      if (isNumber(row.baselineMean)) {
        values.push(row.baselineMean);
      }
    }
  }
  const finite = values.filter(isNumber);
  if (finite.length === 0) {
    return [0, 1];
  }
  const low = Math.max(0, Math.floor(Math.min(...finite) * 20) / 20 - 0.05);
  const high = Math.min(1, Math.ceil(Math.max(...finite) * 20) / 20);
  return high > low ? [low, high] : [0, 1];
}

function accuracyBar(row, [low, high]) {
  const position = value => `${(100 * (Math.min(high, Math.max(low, value)) - low) / (high - low)).toFixed(2)}%`;
  const track = el('div', { class: 'bar-track', title: barTitle(row) });
  track.append(el('div', { class: 'bar', style: { width: position(row.mean) } }));
  const [from, to] = interval(row);
  if (to > from) {
    const left = position(from);
    const width = `${(parseFloat(position(to)) - parseFloat(left)).toFixed(2)}%`;
    track.append(el('div', { class: 'whisker', style: { left, width } }));
  }
  if (isNumber(row.baselineMean)) {
    track.append(el('div', { class: 'baseline-tick', style: { left: position(row.baselineMean) } }));
  }
  return track;
}

function barTitle(row) {
  const [from, to] = interval(row);
  const kind = isNumber(row.ciLow) ? 'confidence interval' : 'mean ± std';
  return `mean ${fixed(row.mean)}, ${kind} ${fixed(from)} – ${fixed(to)}`;
}

function gainCell(gain) {
  const cell = el('td', { class: 'num' }, isNumber(gain) ? (gain >= 0 ? '+' : '') + gain.toFixed(4) : '–');
  if (isNumber(gain)) {
    cell.classList.add(gain >= 0 ? 'gain-pos' : 'gain-neg');
  }
  return cell;
}

// Formats the p-value of the comparison with the table's leader; '–' for the leader and when no test was possible.
function pValue(row) {
  const comparison = row.vsLeader;
  if (!comparison || !isNumber(comparison.pValue)) {
    return '–';
  }
  return comparison.pValue < 0.001 ? '<0.001' : comparison.pValue.toFixed(3);
}

function comparisonTitle(row) {
  const comparison = row.vsLeader;
  if (row.leader) {
    return 'leader of this table';
  }
  if (!comparison) {
    return 'no test possible: too few results';
  }
  return `${comparison.method} t-test on ${comparison.matchedSeeds} matched seeds: difference `
      + `${fixed(comparison.difference)} [${fixed(comparison.ciLow)}, ${fixed(comparison.ciHigh)}]`;
}

// 'leader' for the leader, 'tied' for a row the data cannot separate from it, else empty.
function tieMark(row) {
  if (row.leader) {
    return 'leader';
  }
  return row.tiedWithLeader ? 'tied' : '';
}

function boardTable(group, range) {
  const axis = el('div', { class: 'axis' }, el('span', {}, range[0].toFixed(2)), el('span', {}, range[1].toFixed(2)));
  const table = el('table', { class: 'grid board', 'data-pretext': group.pretext },
      el('thead', {}, el('tr', {},
          el('th', {}, 'Rank'), el('th', {}, 'Loss'), el('th', {}, 'n'),
          el('th', { class: 'bar-cell' }, 'Linear probe', axis),
          el('th', {}, 'Mean'), el('th', {}, 'Interval'), el('th', {}, 'kNN'),
          el('th', {}, 'Untrained'), el('th', {}, 'Gain'),
          el('th', { title: 'Two-sided p-value of the difference from the leader (paired on seeds when possible)' },
              'p vs leader'),
          el('th', { title: 'Leader, or not separated from it at p < 0.05' }, 'Tied'))));
  const body = el('tbody');
  for (const row of group.rows) {
    const [from, to] = interval(row);
    body.append(el('tr', { class: 'board-row', 'data-loss': row.loss },
        el('td', { class: 'num' }, row.rank), el('td', {}, row.label || row.loss), el('td', { class: 'num' }, row.n),
        el('td', { class: 'bar-cell' }, accuracyBar(row, range)),
        el('td', { class: 'num' }, fixed(row.mean)),
        el('td', { class: 'num' }, to > from ? `${fixed(from)} – ${fixed(to)}` : '–'),
        el('td', { class: 'num' }, fixed(row.knnMean)),
        el('td', { class: 'num' }, fixed(row.baselineMean)),
        gainCell(row.gain),
        el('td', { class: 'num p-value', title: comparisonTitle(row) }, pValue(row)),
        el('td', { class: 'tie' }, tieMark(row))));
  }
  for (const row of group.baselines) {
    const name = row.baseline || row.name || row.loss || 'baseline';
    const [from, to] = interval(row);
    body.append(el('tr', { class: 'baseline-row', 'data-baseline': name },
        el('td', {}, ''), el('td', {}, `baseline: ${name}`), el('td', { class: 'num' }, row.n ?? '–'),
        el('td', { class: 'bar-cell' }, accuracyBar({ ...row, baselineMean: undefined }, range)),
        el('td', { class: 'num' }, fixed(row.mean)),
        el('td', { class: 'num' }, to > from ? `${fixed(from)} – ${fixed(to)}` : '–'),
        el('td', { class: 'num' }, fixed(row.knnMean)), el('td', {}, ''), el('td', {}, ''), el('td', {}, ''),
        el('td', {}, '')));
  }
  table.append(body);
  return table;
}

async function loadLeaderboard() {
  const filters = currentFilters();
  let board;
  try {
    board = await getJson('api/leaderboard' + filterQuery(filters));
  } catch (error) {
    setStatus('leaderboard-status', error.message, true);
    return;
  }
  const groups = (board.byPretext || []).map(group => ({
    title: `Pretext task: ${group.pretext}` + (group.dataset ? ` on ${group.dataset}` : ''), pretext: group.pretext,
    rows: group.rows || [],
    baselines: baselineRows(group),
  }));
  groups.push({ title: 'Overall', pretext: 'overall', rows: board.overall || [], baselines: baselineRows(board) });
  const range = axisRange(groups);
  const container = document.getElementById('leaderboard');
  container.replaceChildren();
  for (const group of groups) {
    if (group.rows.length === 0 && group.baselines.length === 0) {
      continue;
    }
    container.append(el('div', { class: 'board-group' }, el('h3', {}, group.title), boardTable(group, range)));
  }
  setStatus('leaderboard-status', board.resultCount === 0
      ? 'No stored results match these filters.'
      : `${board.resultCount} stored result${board.resultCount === 1 ? '' : 's'}, ranked by ${board.metric}.`);
  await loadResults(filters.experiment);
}

// ---- Experiments and their progress, from the orchestrator -----------------------------------------------------

function progressBar(done, failed, total, label) {
  const bar = el('div', { class: 'progress' });
  if (total > 0) {
    bar.append(el('div', { class: 'done', style: { width: `${(100 * done / total).toFixed(1)}%` } }));
    if (failed > 0) {
      bar.append(el('div', { class: 'failed', style: {
        left: `${(100 * done / total).toFixed(1)}%`, width: `${(100 * failed / total).toFixed(1)}%` } }));
    }
  }
  bar.append(el('span', {}, label));
  return bar;
}

async function loadExperiments() {
  let experiments;
  try {
    experiments = await getJson('api/orchestrator/experiments');
  } catch (error) {
    setStatus('experiments-status', `Progress is unavailable: ${error.message}`, true);
    return;
  }
  const datalist = document.getElementById('experiment-ids');
  datalist.replaceChildren(...experiments.map(e => el('option', { value: e.id }, e.name)));
  const body = document.querySelector('#experiments tbody');
  body.replaceChildren();
  for (const experiment of experiments) {
    const finished = experiment.done + experiment.failed;
    const row = el('tr', { class: 'clickable', 'data-experiment': experiment.id,
      onclick: () => selectExperiment(experiment.id) },
        el('td', {}, el('code', {}, experiment.id)), el('td', {}, experiment.name), el('td', {}, experiment.state),
        el('td', {}, progressBar(experiment.done, experiment.failed, experiment.total,
            `${finished}/${experiment.total} trials, ${experiment.running} running`)),
        el('td', { class: 'num' }, duration(experiment.etaSeconds)));
    row.classList.toggle('selected', experiment.id === state.selectedExperiment);
    body.append(row);
  }
  setStatus('experiments-status', experiments.length === 0 ? 'The orchestrator has no experiments yet.'
      : 'Select an experiment to see its trials and filter the leaderboard to it.');
  if (state.selectedExperiment) {
    await loadExperimentDetail(state.selectedExperiment);
  }
}

async function selectExperiment(id) {
  state.selectedExperiment = id;
  document.getElementById('filter-experiment').value = id;
  await Promise.all([loadExperiments(), loadLeaderboard()]);
}

async function loadExperimentDetail(id) {
  let experiment;
  try {
    experiment = await getJson('api/orchestrator/experiments/' + encodeURIComponent(id));
  } catch (error) {
    setStatus('experiments-status', error.message, true);
    return;
  }
  document.getElementById('experiment-detail').hidden = false;
  document.getElementById('experiment-title').textContent =
      `${experiment.name} (${experiment.id}): ${experiment.state}, ${percent(experiment.percentDone / 100)} of `
      + `${experiment.imagesTotal} training images, ETA ${duration(experiment.etaSeconds)}`;
  const body = document.querySelector('#experiment-trials tbody');
  body.replaceChildren();
  for (const trial of experiment.trials || []) {
    const fraction = trial.imagesTotal > 0 ? trial.imagesDone / trial.imagesTotal : 0;
    body.append(el('tr', { class: 'clickable', 'data-trial': trial.trialId,
      onclick: () => selectTrial(trial.trialId) },
        el('td', {}, el('code', {}, trial.trialId)), el('td', {}, trial.pretext), el('td', {}, trial.loss),
        el('td', { class: 'num' }, trial.seed), el('td', {}, trial.state),
        el('td', {}, progressBar(trial.state === 'DONE' ? 1 : fraction, trial.state === 'FAILED' ? 1 : 0, 1,
            trial.error ? trial.error : percent(trial.state === 'DONE' ? 1 : fraction))),
        el('td', { class: 'num' }, '')));
  }
}

// ---- Stored results of one experiment, from the registry -------------------------------------------------------

async function loadResults(experimentId) {
  const section = document.getElementById('results-section');
  if (!experimentId) {
    section.hidden = true;
    return;
  }
  let results;
  try {
    results = await getJson('api/experiments/' + encodeURIComponent(experimentId) + '/results');
  } catch (error) {
    setStatus('leaderboard-status', error.message, true);
    return;
  }
  section.hidden = false;
  document.getElementById('results-experiment').textContent = experimentId;
  const body = document.querySelector('#results tbody');
  body.replaceChildren();
  for (const result of results.results) {
    body.append(el('tr', { class: 'clickable', 'data-trial': result.trialId,
      onclick: () => selectTrial(result.trialId) },
        el('td', {}, el('code', {}, result.trialId)), el('td', {}, result.config.pretext),
        el('td', {}, result.config.loss), el('td', { class: 'num' }, result.config.seed),
        el('td', { class: 'num' }, fixed(result.linearProbeAccuracy)),
        el('td', { class: 'num' }, fixed(result.knnAccuracy)),
        el('td', { class: 'num' }, fixed(result.randomEncoderLinearProbeAccuracy)),
        el('td', { class: 'num' }, fixed(result.finalPretextLoss, 5))));
  }
  // Fill in the linear-probe column of the orchestrator's trial list for trials with a stored result.
  for (const result of results.results) {
    const cell = document.querySelector(`#experiment-trials tr[data-trial="${result.trialId}"] td:last-child`);
    if (cell) {
      cell.textContent = fixed(result.linearProbeAccuracy);
    }
  }
}

// ---- One trial: pretext-loss curve and probe accuracy ----------------------------------------------------------

function replaceChart(key, canvasId, config) {
  if (state.charts[key]) {
    state.charts[key].destroy();
  }
  state.charts[key] = new Chart(document.getElementById(canvasId), config);
}

async function selectTrial(trialId) {
  state.selectedTrial = trialId;
  history.replaceState(null, '', '#trial=' + encodeURIComponent(trialId));
  const section = document.getElementById('trial-section');
  let trial;
  try {
    trial = await getJson('api/trials/' + encodeURIComponent(trialId));
  } catch (error) {
    section.hidden = false;
    document.getElementById('trial-id').textContent = trialId;
    document.getElementById('trial-summary').textContent = error.message;
    return;
  }
  section.hidden = false;
  document.getElementById('trial-id').textContent = trial.trialId;
  document.getElementById('trial-summary').textContent =
      `${trial.config.pretext} / ${trial.config.loss} / seed ${trial.config.seed} on ${trial.config.dataset}: `
      + `linear probe ${fixed(trial.linearProbeAccuracy)} (untrained ${fixed(trial.randomEncoderLinearProbeAccuracy)}), `
      + `kNN ${fixed(trial.knnAccuracy)}, ${fixed(trial.imagesPerSecond, 0)} images/s on ${trial.backend || '?'}, `
      + `worker ${trial.workerId || '?'}.`;
  const curve = trial.lossCurve || [];
  replaceChart('loss', 'loss-chart', {
    type: 'line',
    data: { datasets: [{ label: 'pretext loss', data: curve.map(p => ({ x: p.images, y: p.loss })),
      borderColor: '#2f6fd0', backgroundColor: '#2f6fd0', pointRadius: curve.length > 40 ? 0 : 2, tension: 0.1 }] },
    options: { animation: false, responsive: false, parsing: false,
      plugins: { legend: { display: false },
        title: { display: curve.length === 0, text: 'This result has no recorded loss curve' } },
      scales: { x: { type: 'linear', title: { display: true, text: 'training images' } },
        y: { title: { display: true, text: 'loss per pixel' } } } },
  });
  replaceChart('probe', 'probe-chart', {
    type: 'bar',
    data: { labels: ['linear probe', 'kNN'], datasets: [
      { label: 'trained encoder', data: [trial.linearProbeAccuracy, trial.knnAccuracy], backgroundColor: '#2f6fd0' },
      { label: 'untrained encoder', data: [trial.randomEncoderLinearProbeAccuracy, trial.randomEncoderKnnAccuracy],
        backgroundColor: '#8a929e' }] },
    options: { animation: false, responsive: false,
      scales: { y: { min: 0, max: 1, title: { display: true, text: 'accuracy' } } } },
  });
}

// ---- Start -----------------------------------------------------------------------------------------------------

function readHash() {
  const match = /trial=([^&]+)/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

async function start() {
  const params = new URLSearchParams(location.search);
  for (const name of ['experiment', 'dataset']) {
    if (params.get(name)) {
      document.getElementById('filter-' + name).value = params.get(name);
    }
  }
  await loadPretextOptions();
  if (params.get('pretext')) {
    document.getElementById('filter-pretext').value = params.get('pretext');
  }
  for (const id of ['filter-experiment', 'filter-dataset', 'filter-pretext']) {
    document.getElementById(id).addEventListener('change', loadLeaderboard);
  }
  document.getElementById('filter-clear').addEventListener('click', () => {
    for (const id of ['filter-experiment', 'filter-dataset', 'filter-pretext']) {
      document.getElementById(id).value = '';
    }
    state.selectedExperiment = null;
    document.getElementById('experiment-detail').hidden = true;
    loadLeaderboard();
  });
  await Promise.all([loadLeaderboard(), loadExperiments()]);
  const trial = readHash();
  if (trial) {
    await selectTrial(trial);
  }
  state.pollTimer = setInterval(() => {
    loadExperiments();
  }, POLL_MS);
  document.body.dataset.ready = 'true';
}

start();
